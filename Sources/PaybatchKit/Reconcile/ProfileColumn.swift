/// The columns one kind of reconcile input has: the keys of its profile in `Templates/invoice/`.
public protocol ProfileColumn: RawRepresentable<String>, CaseIterable, Hashable, Sendable
where AllCases == [Self] {
    /// The profile's file name under `Templates/invoice/`.
    static var profileFileName: String { get }
    /// What the input is called in messages ("invoice").
    static var inputName: String { get }
}
