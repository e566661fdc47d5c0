import Crypto
import Foundation

/// Where a run keeps Finch's answers (the store, encrypted), so that an interrupted run resumes
/// without calling again for what it has. The client looks data calls up before it calls, and
/// always calls `/introspect`. (Reports are rendered from the stored run directly: `StoredRunReader`.)
public protocol ResponseCache: Sendable {
    func cachedResponse(for key: RequestKey) async throws -> FinchResponse?
    func store(_ response: FinchResponse, for key: RequestKey) async throws
}
