/// `POST /employer/individual` and `/employer/employment` bodies; `options` only for individuals.
public struct IndividualBatchRequest: Encodable, Sendable {
    public var requests: [IndividualRequestItem]
    public var options: Options?

    /// `{"include": ["ssn"]}`: SSNs are requested only when asked for (SPEC §4, `--include-ssn`).
    public struct Options: Encodable, Sendable {
        public var include: [String]
    }

    public init(ids: [IndividualID], includeSSN: Bool = false) {
        requests = ids.map { IndividualRequestItem(individualID: $0.rawValue) }
        options = includeSSN ? Options(include: ["ssn"]) : nil
    }
}
