import Foundation

/// The description of one stored Finch response; its body is kept encrypted and read apart.
public struct StoredResponse: Sendable, Equatable {
    public var runID: String
    /// Empty for calls that belong to no connection.
    public var connectionID: ConnectionID
    /// The caller's stable name of the request within the run and connection (endpoint and
    /// parameters, e.g. `directory?offset=5000`): what resume looks up.
    public var requestKey: String
    public var endpoint: String
    public var httpStatus: Int
    public var requestID: RequestID?
    /// `Finch-Data-Retrieved`, as it came.
    public var dataRetrieved: String?
    public var createdAt: Date
    /// The entity the call read, of a multi-entity connection (`RequestKey.entity`).
    public var entity: EntityID?

    public init(
        runID: String, connectionID: ConnectionID, requestKey: String, endpoint: String,
        httpStatus: Int, requestID: RequestID? = nil, dataRetrieved: String? = nil, createdAt: Date,
        entity: EntityID? = nil
    ) {
        self.entity = entity
        self.runID = runID
        self.connectionID = connectionID
        self.requestKey = requestKey
        self.endpoint = endpoint
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.dataRetrieved = dataRetrieved
        self.createdAt = createdAt
    }

    /// The row key bound into the body's associated data. Each part is percent-escaped for `%`
    /// and `/`, so distinct rows can never share a key.
    public var secretRowID: String {
        [runID, connectionID.rawValue, requestKey].map(Self.escape).joined(separator: "/")
    }

    static func escape(_ part: String) -> String {
        part.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }
}
