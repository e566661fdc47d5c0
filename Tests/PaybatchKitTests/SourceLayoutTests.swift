import Foundation
import PaybatchTestSupport
import Testing

/// The house rule of the engine's sources: one public type per file, in a file named after it, so
/// a type is found by its name.
@Suite("Source layout")
struct SourceLayoutTests {
    @Test func everyPublicTypeOfTheEngineHasAFileOfItsOwnNamedAfterIt() throws {
        // A public type declared at the top level of a file (nested types are part of theirs).
        let publicType = #/^public (?:final |indirect )?(?:struct|class|enum|protocol|actor) ([A-Za-z0-9_]+)/#
        let root = RepoPaths.root.appendingPathComponent("Sources/PaybatchKit")
        let files = try #require(FileManager.default.enumerator(atPath: root.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100)
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let types = text.split(separator: "\n").compactMap { try? publicType.firstMatch(in: $0)?.1 }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            #expect(types.count <= 1, "\(file) holds \(types.joined(separator: ", "))")
            if let type = types.first { #expect(String(type) == name, "\(file) holds \(type)") }
        }
    }
}
