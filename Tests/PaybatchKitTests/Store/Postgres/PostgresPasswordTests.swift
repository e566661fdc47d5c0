import PaybatchKit
import Testing

@Suite("PostgreSQL password: PGPASSWORD and .pgpass")
struct PostgresPasswordTests {
    let url = try! PostgresURL(parsing: "postgres://payroll@db.example.com:5433/paybatch")

    func lookup(
        _ environment: [String: String], file: String?, othersMayRead: Bool = false
    ) throws -> PostgresPassword? {
        try PostgresPassword.lookup(for: url, environment: environment) { path in
            #expect(path == environment["PGPASSFILE"] ?? "/home/ops/.pgpass")
            return file.map { ($0, othersMayRead) }
        }
    }

    @Test func pgpasswordWinsAndNeverPrints() throws {
        let password = try #require(
            try lookup(["PGPASSWORD": "s3cret", "HOME": "/home/ops"], file: "*:*:*:*:other"))
        #expect(String(describing: password) == "***")
        #expect(String(reflecting: password) == "PostgresPassword(***)")
        #expect(!"\(password)".contains("s3cret"))
    }

    @Test func theFirstMatchingLineOfThePasswordFileWins() throws {
        let file = """
            # comment
            db.example.com:5432:paybatch:payroll:wrong-port
            other.example.com:*:*:*:wrong-host
            db.example.com:5433:*:payroll:right\\:one
            *:*:*:*:too-late
            """
        let password = try #require(try lookup(["HOME": "/home/ops"], file: file))
        #expect(password == PostgresPassword("right:one"))
        #expect(try lookup(["PGPASSFILE": "/etc/pg.pass"], file: "*:*:*:*:any") == PostgresPassword("any"))
        #expect(try lookup(["HOME": "/home/ops"], file: "db.example.com:5433:*:someone:x") == nil)
        #expect(try lookup(["HOME": "/home/ops"], file: nil) == nil)
    }

    @Test func aPasswordFileOthersMayReadIsRefusedWithTheFix() {
        let failure = expectFailure(.configuration) {
            _ = try lookup(["HOME": "/home/ops"], file: "*:*:*:*:p", othersMayRead: true)
        }
        #expect(failure?.remedy == "Run chmod 0600 /home/ops/.pgpass.")
        #expect(!String(describing: failure).contains(":p"))
    }

    @Test func theDefaultSocketFolderAlsoMatchesLocalhost() throws {
        let socket = try PostgresURL(parsing: "postgres://payroll@/paybatch")
        let password = try PostgresPassword.lookup(for: socket, environment: ["HOME": "/h"]) { _ in
            ("localhost:5432:paybatch:payroll:local", false)
        }
        #expect(password == PostgresPassword("local"))
    }
}
