import Foundation
import Testing

/// Compares `data` with the golden file `Goldens/<name>` beside the calling test file. With
/// `PAYBATCH_RECORD_GOLDENS=1` in the environment it (re)writes the golden instead and records an
/// issue, so a recording run never passes by accident.
public func assertGolden(
    _ data: Data, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PAYBATCH_RECORD_GOLDENS"] == "1" {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            Issue.record(
                "Recorded golden \(name); run again without PAYBATCH_RECORD_GOLDENS to compare.",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Cannot record golden \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "No golden file \(url.path); record it with PAYBATCH_RECORD_GOLDENS=1.",
            sourceLocation: sourceLocation)
        return
    }
    guard expected != data else { return }
    // Show the neighbourhood of the first differing byte: golden XML is often one long line.
    let offset =
        zip(data, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(data.count, expected.count)
    func excerpt(_ bytes: Data) -> String {
        let start = max(0, offset - 60)
        let end = min(bytes.count, offset + 60)
        let slice = start < end ? bytes[bytes.startIndex + start..<bytes.startIndex + end] : Data()
        return String(decoding: slice, as: UTF8.self).debugDescription
    }
    let line = expected.prefix(offset).filter { $0 == 10 }.count + 1
    Issue.record(
        """
        Differs from golden \(name) at byte \(offset) (line \(line)):
          expected: …\(excerpt(expected))…
          actual:   …\(excerpt(data))…
        Re-record with PAYBATCH_RECORD_GOLDENS=1 if the change is intended.
        """, sourceLocation: sourceLocation)
}
