import Foundation

/// Locates files of the repository from tests, wherever the checkout lives.
public enum RepoPaths {
    /// The repository's root folder.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Samples/`.
    public static func sample(_ relative: String) -> URL {
        root.appendingPathComponent("Samples").appendingPathComponent(relative)
    }
}
