import Foundation

/// Finch's error body (API.md §7.1); some endpoints add `statusCode` and `status`.
public struct FinchErrorBody: Decodable, Sendable, Equatable {
    @Lenient public var code: Int?
    @Lenient public var name: String?
    @Lenient public var finchCode: String?
    @Lenient public var message: String?
    @Lenient public var statusCode: Int?
    @Lenient public var status: Int?
    /// Deprecated keys of older item errors.
    @Lenient public var errorName: String?
    @Lenient public var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case code, name, message, statusCode, status
        case finchCode = "finch_code"
        case errorName = "error_name"
        case errorMessage = "error_message"
    }

    public var effectiveName: String? { name ?? errorName }
    public var effectiveMessage: String? { message ?? errorMessage }
}

extension FinchErrorBody {
    /// Finch's error body from raw bytes, or nil when the bytes are not one (HTML, empty, cut off).
    public static func decode(_ data: Data) -> FinchErrorBody? {
        guard !data.isEmpty else { return nil }
        return try? JSONDecoder().decode(FinchErrorBody.self, from: data)
    }
}
