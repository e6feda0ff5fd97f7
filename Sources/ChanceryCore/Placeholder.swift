// ChanceryCore
