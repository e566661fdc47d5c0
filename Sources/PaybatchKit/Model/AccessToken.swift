/// A Finch access token. Its description shows only the last four characters, so that string
/// interpolation into a log line, an error or a report can never leak it.
public struct AccessToken: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only to build an `Authorization` header or to encrypt it.
    public let secret: String

    public init(_ secret: String) { self.secret = secret }

    /// `…abcd`: the form SPEC §7 allows wherever a token must be named.
    public var redacted: String { Self.redact(secret) }
    public var description: String { redacted }
    public var debugDescription: String { "AccessToken(\(redacted))" }

    /// The last four characters of any secret, behind an ellipsis.
    public static func redact(_ secret: String) -> String {
        secret.count <= 4 ? "…" : "…" + secret.suffix(4)
    }
}
