import Foundation

/// Reads a config file from disk; nil when it does not exist.
public enum ConfigFileReader {
    public static func read(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunStop(.dataError, "\(path): cannot be read.", remedy: "Check its permissions.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RunStop(.dataError, "\(path): is not UTF-8 text.")
        }
        return text
    }
}
