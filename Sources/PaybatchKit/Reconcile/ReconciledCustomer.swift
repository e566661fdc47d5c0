/// A customer of the roster behind a reconciled company: its key and its name, so the analyst
/// reads "Acme Corp", not only `co_8f3…`.
public struct ReconciledCustomer: Sendable, Equatable {
    public var id: CustomerID
    public var name: String?

    public init(id: CustomerID, name: String?) {
        self.id = id
        self.name = name
    }
}
