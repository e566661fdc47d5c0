/// `POST /disconnect` → `{"status":"success"}`.
public struct DisconnectResponse: Decodable, Sendable {
    @Lenient public var status: String?
    enum CodingKeys: String, CodingKey { case status }
}
