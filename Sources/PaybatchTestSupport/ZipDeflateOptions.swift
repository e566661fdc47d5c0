import Foundation

/// Each part's deflate option in a zip (an .xlsx) as `zipinfo` names it from the zip's
/// general-purpose flags: `normal` for zlib's default level, `superfast` for its fastest. How a
/// test tells whether the executable's minizip interposition (Sources/CXLSXZipLevel) was at work.
public enum ZipDeflateOptions {
    /// The options of every part of the archive at `path`, in the archive's order.
    public static func read(archive path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-Z", "-v", path]
        return try CapturedRun.run(process).output.matches(
            of: /compression sub-type \(deflation\):\s+(\w+)/
        )
        .map { String($0.1) }
    }
}
