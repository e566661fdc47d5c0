import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct KeyRingTests {
    let temp: TempStore
    init() throws { temp = try TempStore() }

    /// Computed, not a stored global: LeakSanitizer cannot see a `Data` held by a global (its
    /// pointer carries the representation's enum tag) and reported it at exit.
    static var keyBytes: Data { Data((0..<32).map { UInt8($0) }) }

    @Test func environmentKeyTakesItsKidFromSHA256() throws {
        let ring = try KeyRing.load(environment: ["PAYBATCH_KEY": Self.keyBytes.base64EncodedString()])
        // echo -n 000102…1f | xxd -r -p | sha256sum → 630dcd29…
        #expect(ring.active.kid == "630dcd29")
        #expect(ring.source == .environment)
        #expect(EncryptionKey.derivedKid(for: Self.keyBytes) == "630dcd29")
    }

    @Test func missingKeyIs78WithARemedy() {
        let failure = expectFailure(.configuration) { _ = try KeyRing.load(environment: [:]) }
        #expect(failure?.remedy?.contains("paybatch keys init") == true)
        expectFailure(.configuration) {
            _ = try KeyRing.load(environment: ["PAYBATCH_KEY": "", "PAYBATCH_KEY_FILE": ""])
        }
    }

    @Test func bothSourcesAre78() {
        expectFailure(.configuration) {
            _ = try KeyRing.load(environment: [
                "PAYBATCH_KEY": Self.keyBytes.base64EncodedString(), "PAYBATCH_KEY_FILE": temp.keyFilePath,
            ])
        }
    }

    @Test func malformedEnvironmentKeyIs65WithoutEchoingIt() {
        let failure = expectFailure(.dataError) {
            _ = try KeyRing.load(environment: ["PAYBATCH_KEY": "c2hvcnQ="])
        }
        #expect(failure.map { "\($0)" }?.contains("c2hvcnQ") == false)
    }

    @Test func missingKeyFileIs78() {
        expectFailure(.configuration) {
            _ = try KeyRing.load(environment: ["PAYBATCH_KEY_FILE": temp.path("nope")])
        }
    }

    @Test(arguments: [
        ("zzzzzzzz:AAAA", 2, "not 8 hex"),
        ("abcdef01", 2, "expected `kid:base64key`"),
        ("abcdef01:c2hvcnQ=", 2, "not the base64 of 32 bytes"),
        ("abcdef01:!!!notbase64!!!", 2, "not the base64 of 32 bytes"),
    ])
    func malformedKeyFileIs65NamingTheLineAndNotTheKey(line: String, number: Int, reason: String) throws {
        let good = try String(contentsOfFile: temp.keyFilePath, encoding: .utf8)
        let path = temp.path("bad.key")
        try (good + line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let failure = expectFailure(.dataError) {
            _ = try KeyRing.load(environment: ["PAYBATCH_KEY_FILE": path])
        }
        let text = failure.map { "\($0)" } ?? ""
        #expect(text.contains("\(path):\(number):"))
        #expect(text.contains(reason))
        // Without the path: its random folder name once held "AAAA", the bad line's key.
        let rest = text.replacingOccurrences(of: path, with: "")
        let secretPart = String(good.split(separator: ":")[1].prefix(20))
        #expect(!rest.contains(secretPart))
        if let colon = line.firstIndex(of: ":") { #expect(!rest.contains(line[line.index(after: colon)...])) }
    }

    @Test func repeatedKidIsRefused() throws {
        let good = try String(contentsOfFile: temp.keyFilePath, encoding: .utf8)
        let path = temp.path("twice.key")
        try (good + "\n" + good).write(toFile: path, atomically: true, encoding: .utf8)
        let failure = expectFailure(.dataError) {
            _ = try KeyRing.load(environment: ["PAYBATCH_KEY_FILE": path])
        }
        #expect(failure?.message.contains(":3: key id") == true)
    }

    @Test func keysInitWritesA0600FileAndNeverOverwrites() throws {
        let path = temp.path("new/folder/paybatch.key")
        let created = try KeyFile.create(at: path)
        #expect(OwnerOnlyFiles.mode(of: path) == 0o600)
        #expect(OwnerOnlyFiles.mode(of: temp.path("new/folder")) == 0o700)
        #expect(created.instructions.contains("export PAYBATCH_KEY_FILE=\(created.path)"))
        #expect(created.instructions.contains("apart from the store"))
        let ring = try KeyRing.load(environment: ["PAYBATCH_KEY_FILE": path])
        #expect(ring.kids == [created.kid])
        #expect(EncryptionKey.isValidKid(created.kid))
        let before = FileManager.default.contents(atPath: path)
        expectFailure(.cannotCreate) { _ = try KeyFile.create(at: path) }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aKeyFileOthersCanReadIsWarnedAbout() throws {
        #expect(KeyFile.permissionWarning(for: temp.keyFilePath) == nil)
        chmod(temp.keyFilePath, 0o644)
        #expect(KeyFile.permissionWarning(for: temp.keyFilePath)?.contains("mode 644") == true)
    }

    @Test func keyFileOrderIsActiveFirstAndBlankLinesAreIgnored() throws {
        let a = EncryptionKey.generate()
        let b = EncryptionKey.generate(avoiding: [a.kid])
        let keys = try KeyFile.parse("\n" + KeyFile.render([a, b]) + "\n\n", path: "x")
        #expect(keys.map(\.kid) == [a.kid, b.kid])
    }
}
