import Crypto
import Foundation

/// Where a run keeps Finch's answers (the store, encrypted), so that an interrupted run resumes
/// without calling again for what it has, and reports render again without calling Finch.
public protocol ResponseCache: Sendable {
    /// How the client uses the cache.
    var mode: ResponseCacheMode { get }
    func cachedResponse(for key: RequestKey) async throws -> FinchResponse?
    func store(_ response: FinchResponse, for key: RequestKey) async throws
}

/// Live runs look up data calls (resume) but always call `/introspect`; replay never calls Finch.
public enum ResponseCacheMode: Sendable {
    case live
    case replay
}

/// A request's stable name within a connection: its endpoint and a digest of its query and body,
/// so the same request in a resumed run finds the answer the first attempt stored.
public struct RequestKey: Sendable, Hashable, CustomStringConvertible {
    public var connectionID: ConnectionID
    public var endpoint: FinchEndpoint
    public var text: String

    public init(connectionID: ConnectionID, endpoint: FinchEndpoint, query: String?, body: Data?) {
        self.connectionID = connectionID
        self.endpoint = endpoint
        var hasher = SHA256()
        hasher.update(data: Data((query ?? "").utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: body ?? Data())
        let digest = hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
        text = "\(endpoint.rawValue)#\(digest)"
    }

    public var description: String { text }
}

/// A replayed run asked for an answer the store does not hold.
public struct NotStoredFailure: PaybatchFailure {
    public var key: RequestKey
    public var exitStatus: ExitStatus { .dataError }
    public var message: String {
        "The stored run has no answer for \(key.endpoint.path) of connection \(key.connectionID)."
    }
    public var remedy: String? { "Run the export without --offline to fetch it." }
}
