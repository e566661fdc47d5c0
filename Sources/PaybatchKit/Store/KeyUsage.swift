import Foundation

/// How many rows one key id encrypts.
public struct KeyUsage: Sendable, Equatable {
    public var secrets = 0
    public var responses = 0
    public var total: Int { secrets + responses }
    public init(secrets: Int = 0, responses: Int = 0) {
        self.secrets = secrets
        self.responses = responses
    }
}
