/// The answer of both session endpoints.
public struct ConnectSessionResponse: Decodable, Sendable {
    @Lenient public var sessionID: String?
    @Lenient public var connectURL: String?

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case connectURL = "connect_url"
    }
}
