/// An OAuth client secret, redacted the same way as a token.
public struct ClientSecret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let secret: String
    public init(_ secret: String) { self.secret = secret }
    public var description: String { AccessToken.redact(secret) }
    public var debugDescription: String { "ClientSecret(\(AccessToken.redact(secret)))" }
}
