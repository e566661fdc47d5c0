import Foundation

/// One request paybatch made to Finch: what support asks for (`Finch-Request-Id`) and what the
/// reports show next to an error.
public struct RequestLogEntry: Sendable, Equatable {
    public var runID: String?
    public var requestID: RequestID?
    public var connectionID: ConnectionID?
    public var endpoint: String
    /// nil when no answer came (timeout, connection error).
    public var httpStatus: Int?
    public var finchCode: String?
    public var time: Date
    /// 1 for the first try, 2 for the first retry…
    public var attempt: Int

    public init(
        runID: String? = nil, requestID: RequestID? = nil, connectionID: ConnectionID? = nil,
        endpoint: String, httpStatus: Int? = nil, finchCode: String? = nil, time: Date, attempt: Int = 1
    ) {
        self.runID = runID
        self.requestID = requestID
        self.connectionID = connectionID
        self.endpoint = endpoint
        self.httpStatus = httpStatus
        self.finchCode = finchCode
        self.time = time
        self.attempt = attempt
    }
}
