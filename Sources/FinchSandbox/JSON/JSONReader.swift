import Foundation

/// Reads request bodies leniently: the sandbox only needs a few keys from a client's JSON.
enum JSONReader {
    /// The top-level object of `bytes`, or nil when it is not a JSON object.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        guard !bytes.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }
}
