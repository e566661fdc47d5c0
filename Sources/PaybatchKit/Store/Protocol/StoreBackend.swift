/// Which database keeps a store.
public enum StoreBackend: String, Sendable, Equatable {
    case sqlite
    case postgres
}
