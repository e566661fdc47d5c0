import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 4: whether an output folder can be written is known before an export fetches,
/// and without making anything.
@Suite struct OutputFolderCheckTests {
    @Test func aFolderUnderAFileIsImpossible() throws {
        let temp = try TempStore()
        let blocker = temp.path("blocker")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let failure = OutputFolderCheck.failure(for: blocker + "/out/2026-10", mode: .owner)
        #expect(failure?.path == blocker)
        #expect(failure?.exitStatus == .cannotCreate)
        #expect(OutputFolderCheck.failure(for: blocker, mode: .owner) != nil)
    }

    @Test func missingFoldersThatCanBeMadePassAndAreNotMade() throws {
        let temp = try TempStore()
        #expect(OutputFolderCheck.failure(for: temp.path("out/a/2026-10"), mode: .owner) == nil)
        #expect(!FileManager.default.fileExists(atPath: temp.path("out")))
    }

    @Test func anExistingFolderIsProbedAndLeftAsItWas() throws {
        let temp = try TempStore()
        let folder = temp.path("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(OutputFolderCheck.failure(for: folder, mode: .owner) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aFolderThatCannotBeWrittenFails() throws {
        let temp = try TempStore()
        let folder = temp.path("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let failing = FailingFileSystem()
        #expect(OutputFolderCheck.failure(for: folder, mode: .owner, fileSystem: failing)?.path == folder)
    }
}

/// A file system whose every file creation fails with EACCES (root may write anywhere, so the
/// real one cannot be made to refuse in a test).
private struct FailingFileSystem: OutputFileSystem {
    func createFolder(_ path: String, mode: UInt32) throws(FileSystemError) {}
    func createFile(_ path: String, mode: UInt32) throws(FileSystemError) -> any OutputFileHandle {
        throw FileSystemError(operation: "create", path: path, code: EACCES)
    }
    func rename(_ source: String, to destination: String) throws(FileSystemError) {}
    func remove(_ path: String) {}
}
