import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct StoreLockTests {
    let temp: TempStore
    let me = LockOwner.current(startedAt: Date(timeIntervalSince1970: 1_790_000_000))
    init() throws { temp = try TempStore() }

    func noSleep(_: Duration) async throws { Issue.record("should not wait") }

    @Test func aHeldLockIs75NamingPidHostAndStartTime() async throws {
        let held = try await StoreLock.acquire(databasePath: temp.databasePath, owner: me, sleep: noSleep)
        #expect(held.takeoverNotice == nil)
        #expect(OwnerOnlyFiles.mode(of: held.path) == 0o600)
        do {
            _ = try await StoreLock.acquire(databasePath: temp.databasePath, owner: me, sleep: noSleep)
            Issue.record("second acquire should fail")
        } catch let busy as StoreLockBusy {
            #expect(busy.exitStatus == .temporary)
            #expect(busy.holder == me)
            #expect(busy.message.contains("pid \(me.pid)"))
            #expect(busy.message.contains("host \(me.host)"))
            #expect(busy.message.contains("2026-09-21T"))
            #expect(busy.remedy?.contains("--wait-lock") == true)
        }
        held.release()
        let again = try await StoreLock.acquire(databasePath: temp.databasePath, owner: me, sleep: noSleep)
        #expect(again.takeoverNotice == nil)
    }

    @Test func aStaleLockOfADeadProcessIsTakenOverWithAMessage() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = LockOwner(
            pid: process.processIdentifier, host: LockOwner.localHost,
            startedAt: Date(timeIntervalSince1970: 0))
        let lockPath = StoreLock.lockPath(forDatabase: temp.databasePath)
        try FileManager.default.createDirectory(atPath: temp.path("store"), withIntermediateDirectories: true)
        try dead.fileText.write(toFile: lockPath, atomically: true, encoding: .utf8)
        let lock = try await StoreLock.acquire(databasePath: temp.databasePath, owner: me, sleep: noSleep)
        let notice = try #require(lock.takeoverNotice)
        #expect(notice.contains("pid \(dead.pid)"))
        #expect(notice.contains("no longer running"))
        #expect(LockOwner(fileText: try String(contentsOfFile: lockPath, encoding: .utf8)) == me)
        lock.release()
        #expect(try String(contentsOfFile: lockPath, encoding: .utf8).isEmpty)
    }

    @Test func waitLockPollsWithTheInjectedSleeperUntilTheLockFrees() async throws {
        let held = try await StoreLock.acquire(databasePath: temp.databasePath, owner: me, sleep: noSleep)
        var slept: [Duration] = []
        let lock = try await StoreLock.acquire(
            databasePath: temp.databasePath, owner: me, wait: .seconds(10), pollInterval: .seconds(1)
        ) { duration in
            slept.append(duration)
            if slept.count == 3 { held.release() }
        }
        #expect(slept == [.seconds(1), .seconds(1), .seconds(1)])
        #expect(lock.takeoverNotice == nil)
    }

    @Test func waitLockGivesUpWith75AfterTheWait() async throws {
        let held = try await StoreLock.acquire(databasePath: temp.databasePath, owner: me, sleep: noSleep)
        var slept: [Duration] = []
        do {
            _ = try await StoreLock.acquire(
                databasePath: temp.databasePath, owner: me, wait: .milliseconds(2500),
                pollInterval: .seconds(1)
            ) { slept.append($0) }
            Issue.record("acquire should give up")
        } catch let busy as StoreLockBusy {
            #expect(busy.waitedSeconds == 2.5)
            #expect(busy.message.contains("after waiting"))
        }
        #expect(slept == [.seconds(1), .seconds(1), .milliseconds(500)])
        held.release()
    }
}
