import Crypto
import Foundation
import PaybatchKit
import Testing

/// The real file system, except that writes fail with ENOSPC once `capacity` bytes are used.
final class FullDiskFileSystem: OutputFileSystem, @unchecked Sendable {
    let real = PosixOutputFileSystem()
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func createFolder(_ path: String, mode: UInt32) throws(FileSystemError) {
        try real.createFolder(path, mode: mode)
    }
    func createFile(_ path: String, mode: UInt32) throws(FileSystemError) -> any OutputFileHandle {
        Handle(inner: try real.createFile(path, mode: mode), path: path, capacity: capacity)
    }
    func rename(_ source: String, to destination: String) throws(FileSystemError) {
        try real.rename(source, to: destination)
    }
    func remove(_ path: String) { real.remove(path) }

    final class Handle: OutputFileHandle {
        let inner: any OutputFileHandle
        let path: String
        var left: Int
        init(inner: any OutputFileHandle, path: String, capacity: Int) {
            self.inner = inner
            self.path = path
            left = capacity
        }
        func write(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError) {
            guard bytes.count <= left else {
                throw FileSystemError(operation: "write", path: path, code: ENOSPC)
            }
            left -= bytes.count
            try inner.write(bytes)
        }
        func close() throws(FileSystemError) { try inner.close() }
    }
}

@Suite("Atomic output")
struct AtomicOutputTests {
    private func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test("a CSV is written under a temporary name and renamed; rows, bytes and sha256 are reported")
    func writesAndReports() throws {
        let folder = ReportFixtures.temporaryFolder() + "/out/2026-10"
        let out = try OutputFolder(path: folder)
        let file = try out.writeCSV(
            ReportTemplates.defaults.payments, profile: .excel, rows: ReportFixtures.payments)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/payments.csv"))
        #expect(file.path == "payments.csv" && file.rows == 3 && file.bytes == data.count)
        #expect(file.sha256 == SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
        #expect(try listing(folder) == ["payments.csv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/payments.csv")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
    }

    @Test("the group output mode gives 0750 folders and 0640 files")
    func groupMode() throws {
        let folder = ReportFixtures.temporaryFolder() + "/g"
        let out = try OutputFolder(path: folder, mode: OutputMode(fileMode: "0640")!)
        _ = try out.writeCSV(ReportTemplates.defaults.payments, profile: .rfc, rows: ReportFixtures.payments)
        let file = try FileManager.default.attributesOfItem(atPath: folder + "/payments.csv")
        let dir = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((file[.posixPermissions] as? Int) == 0o640 && (dir[.posixPermissions] as? Int) == 0o750)
    }

    @Test("a full disk mid-write is exit 73 naming the file, and leaves neither file nor temporary")
    func fullDisk() throws {
        let folder = ReportFixtures.temporaryFolder()
        let out = try OutputFolder(path: folder, fileSystem: FullDiskFileSystem(capacity: 10))
        do {
            _ = try out.writeCSV(
                ReportTemplates.defaults.payments, profile: .excel, rows: ReportFixtures.payments)
            Issue.record("the write succeeded on a full disk")
        } catch let failure as OutputFailure {
            #expect(failure.exitStatus == .cannotCreate)
            #expect(failure.path == folder + "/payments.csv")
            #expect(failure.message.contains("No space left on device"))
        }
        #expect(try listing(folder) == [])
    }

    @Test("a failure in the row source leaves neither file nor temporary")
    func failingRows() throws {
        struct Boom: Error {}
        let folder = ReportFixtures.temporaryFolder()
        let out = try OutputFolder(path: folder)
        #expect(throws: Boom.self) {
            let file = try out.create("employees.csv")
            try file.write(Data("half a file".utf8))
            throw Boom()
        }
        #expect(try listing(folder) == [])
    }

    @Test("an existing file is replaced only when the new one is complete")
    func replaces() throws {
        let folder = ReportFixtures.temporaryFolder()
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/a.csv"))
        let out = try OutputFolder(path: folder)
        let file = try out.create("a.csv")
        try file.write(Data("new".utf8))
        #expect(try String(contentsOfFile: folder + "/a.csv", encoding: .utf8) == "old")
        _ = try file.commit(rows: 0)
        #expect(try String(contentsOfFile: folder + "/a.csv", encoding: .utf8) == "new")
        #expect(try listing(folder) == ["a.csv"])
    }

    @Test("an output folder under a regular file is exit 73 naming the path")
    func unwritableFolder() throws {
        let folder = ReportFixtures.temporaryFolder()
        try Data().write(to: URL(fileURLWithPath: folder + "/plain"))
        do {
            _ = try OutputFolder(path: folder + "/plain/2026-10")
            Issue.record("a folder under a regular file was accepted")
        } catch {
            #expect(error.exitStatus == .cannotCreate)
            #expect(error.path == folder + "/plain")
            #expect(error.message.contains(folder + "/plain"))
        }
    }
}
