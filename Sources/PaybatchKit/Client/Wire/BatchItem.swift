/// One item of a batch: the id it answers, its code and what its body turned out to be.
public struct BatchItem<Body: Sendable>: Sendable {
    public enum Outcome: Sendable {
        case data(Body)
        /// Item-level 202 `data_sync_in_progress`: the payment exists, its statements are not ready.
        case syncInProgress(FinchErrorBody)
        case error(FinchErrorBody)
        /// A body that is neither the data nor an error; kept as a failure, never guessed at.
        case unreadable
    }

    /// `individual_id` or `payment_id`, whichever the endpoint uses.
    public var id: String?
    public var code: Int?
    public var outcome: Outcome

    /// An item from its parts; `data` is read only for code 200, `error` for any other.
    init(
        id: String?, code: Int?, data: @autoclosure () throws -> Body?,
        error: @autoclosure () throws -> FinchErrorBody?
    ) rethrows {
        self.id = id
        self.code = code
        switch code {
        case 200:
            outcome = try data().map { .data($0) } ?? .unreadable
        case 202:
            outcome = try error().map { .syncInProgress($0) } ?? .unreadable
        default:
            outcome = try error().map { .error($0) } ?? .unreadable
        }
    }
}

extension BatchItem: Decodable where Body: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: BatchItemKey.self)
        try self.init(
            id: try container.decode(Lenient<String>.self, forKey: .individualID).wrappedValue
                ?? container.decode(Lenient<String>.self, forKey: .paymentID).wrappedValue,
            code: try container.decode(Lenient<Int>.self, forKey: .code).wrappedValue,
            data: try container.decode(Lenient<Body>.self, forKey: .body).wrappedValue,
            error: try container.decode(Lenient<FinchErrorBody>.self, forKey: .body).wrappedValue)
    }
}

private struct BatchItemKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    static let individualID = BatchItemKey(stringValue: "individual_id")
    static let paymentID = BatchItemKey(stringValue: "payment_id")
    static let code = BatchItemKey(stringValue: "code")
    static let body = BatchItemKey(stringValue: "body")
}
