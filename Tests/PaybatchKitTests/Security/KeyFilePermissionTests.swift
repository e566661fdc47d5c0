import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 12: a key file its group or others may write is refused (78, naming the
/// chmod); one they may only read is used, with a warning that names the fixes.
@Suite struct KeyFilePermissionTests {
    @Test(arguments: [0o620, 0o602, 0o666])
    func aKeyFileOthersMayWriteIsRefused(mode: Int) throws {
        let temp = try TempStore()
        chmod(temp.keyFilePath, mode_t(mode))
        do {
            _ = try KeyFile.read(temp.keyFilePath)
            Issue.record("mode \(String(mode, radix: 8)) must be refused")
        } catch {
            #expect(error == .keyFileWritableByOthers(path: temp.keyFilePath, mode: mode))
            #expect(error.exitStatus == .configuration)
            #expect(error.remedy?.contains("chmod 600 \(temp.keyFilePath)") == true)
        }
    }

    @Test func aKeyFileOthersMayReadIsUsedWithAWarning() throws {
        let temp = try TempStore()
        chmod(temp.keyFilePath, 0o640)
        #expect(try !KeyFile.read(temp.keyFilePath).isEmpty)
        let warning = try #require(KeyFile.permissionWarning(for: temp.keyFilePath))
        #expect(warning.contains("chmod 600 \(temp.keyFilePath)") && warning.contains("defaultMode: 0400"))
    }
}
