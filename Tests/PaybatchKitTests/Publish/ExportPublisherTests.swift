import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

@Suite("Publish stage")
struct ExportPublisherTests {
    static let run = RunRecord(
        runID: "run-1", period: Period(year: 2026, month: 10)!, command: "export",
        startedAt: Date(timeIntervalSince1970: 1_794_000_000), options: "[]")

    static func runJSON(_ files: [WrittenFile]) -> RunJSON {
        RunJSON(
            run: run, finishedAt: run.startedAt, exitStatus: .ok, tally: .none, outcomes: [], files: files)
    }

    static func contents(_ folder: String) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Dictionary(
            uniqueKeysWithValues: names.map {
                ($0, (try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) ?? "")
            })
    }

    @Test("sealed files stay under their temporary names until publish renames them all, run.json last")
    func sealedFilesWaitForPublish() throws {
        let temp = try TempStore()
        let folder = temp.folder.path + "/2026-10"
        let out = try OutputFolder(path: folder)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: folder + "/employees.csv"))
        try Data("stale\n".utf8).write(to: URL(fileURLWithPath: folder + "/payments.csv"))
        let sealed = try ["employees.csv", "connections.csv"].map { name in
            let file = try out.create(name)
            try file.write(Data("new \(name)\n".utf8))
            _ = try file.seal(rows: 1)
            return file
        }
        // Sealed, nothing is in place yet: the folder is as the last export left it.
        #expect(
            Self.contents(folder).filter { !$0.key.hasPrefix(".") } == [
                "employees.csv": "old\n", "payments.csv": "stale\n",
            ])
        let files = try ExportPublisher(folder: out).publish(sealed, runJSON: Self.runJSON)
        #expect(files.map(\.path) == ["connections.csv", "employees.csv", "run.json"])
        let after = Self.contents(folder)
        #expect(after["employees.csv"] == "new employees.csv\n")
        #expect(after["connections.csv"] == "new connections.csv\n")
        #expect(after["payments.csv"] == nil, "a file this export did not write is stale")
        #expect(after.keys.allSatisfy { !$0.hasPrefix(".") }, "no temporary file is left")
    }

    @Test("a sealed file dropped before publish is removed and the file in place is kept")
    func droppedSealedFilesLeaveTheFolderAsItWas() throws {
        let temp = try TempStore()
        let folder = temp.folder.path + "/2026-10"
        let out = try OutputFolder(path: folder)
        try Data("good\n".utf8).write(to: URL(fileURLWithPath: folder + "/employees.csv"))
        do {
            let file = try out.create("employees.csv")
            try file.write(Data("worse\n".utf8))
            _ = try file.seal(rows: 1)
        }
        #expect(Self.contents(folder) == ["employees.csv": "good\n"])
    }
}
