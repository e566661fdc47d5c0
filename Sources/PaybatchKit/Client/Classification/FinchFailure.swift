/// One failure as it happened: its class, and the facts the user needs to follow it up.
public struct FinchFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var failureClass: FailureClass
    public var endpoint: FinchEndpoint?
    /// The HTTP status, or nil when no response came.
    public var httpStatus: Int?
    /// Finch's `name` (e.g. `authentication_error`).
    public var name: String?
    /// Finch's `finch_code` (e.g. `reauthenticate_user`).
    public var finchCode: String?
    public var requestID: RequestID?
    /// Finch's own message, or the transport's.
    public var message: String
    public var attempts: Int
    /// The batch item it concerns (an individual or payment id), when it is an item's failure.
    public var itemID: String?

    public init(
        failureClass: FailureClass, endpoint: FinchEndpoint? = nil, httpStatus: Int? = nil,
        name: String? = nil, finchCode: String? = nil, requestID: RequestID? = nil, message: String,
        attempts: Int = 1, itemID: String? = nil
    ) {
        self.itemID = itemID
        self.failureClass = failureClass
        self.endpoint = endpoint
        self.httpStatus = httpStatus
        self.name = name
        self.finchCode = finchCode
        self.requestID = requestID
        self.message = message
        self.attempts = attempts
    }

    public var code: String { failureClass.code }

    public var description: String {
        var parts: [String] = []
        if let endpoint { parts.append(endpoint.path) }
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        parts.append(failureClass.code)
        if let finchCode, finchCode != failureClass.code { parts.append("(\(finchCode))") }
        var text = parts.joined(separator: " ") + ": " + message
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}
