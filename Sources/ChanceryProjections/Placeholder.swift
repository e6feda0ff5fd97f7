// ChanceryProjections
