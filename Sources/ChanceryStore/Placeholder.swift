// ChanceryStore
