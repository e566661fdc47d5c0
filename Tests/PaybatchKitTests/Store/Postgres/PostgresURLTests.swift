import PaybatchKit
import Testing

@Suite("PostgreSQL URL")
struct PostgresURLTests {
    @Test func readsTheIssuesExample() throws {
        let url = try PostgresURL(parsing: "postgres://paybatch@db.example.com:5433/payroll?sslmode=require")
        #expect(url.user == "paybatch" && url.database == "payroll" && url.sslMode == .require)
        #expect(url.endpoint == .tcp(host: "db.example.com", port: 5433))
        #expect(url.description == "postgres://paybatch@db.example.com:5433/payroll?sslmode=require")
    }

    @Test func fillsLibpqsDefaults() throws {
        let url = try PostgresURL(parsing: "postgresql://db.example.com", environment: ["USER": "ops"])
        #expect(url.user == "ops" && url.database == "ops" && url.port == 5432 && url.sslMode == .prefer)
        let named = try PostgresURL(parsing: "postgres://db", environment: ["PGUSER": "pg", "USER": "ops"])
        #expect(named.user == "pg")
        let ipv6 = try PostgresURL(parsing: "postgres://u@[::1]:6000/d")
        #expect(ipv6.endpoint == .tcp(host: "::1", port: 6000))
        #expect(ipv6.description == "postgres://u@[::1]:6000/d?sslmode=prefer")
    }

    @Test func aHostThatIsAFolderIsAUnixSocketAsInLibpq() throws {
        let url = try PostgresURL(parsing: "postgres://paybatch@/payroll?host=/tmp/pg&port=6001")
        #expect(url.endpoint == .socket(folder: "/tmp/pg", port: 6001))
        #expect(url.socketPath == "/tmp/pg/.s.PGSQL.6001")
        let encoded = try PostgresURL(parsing: "postgres://paybatch@%2Fvar%2Frun%2Fpostgresql/payroll")
        #expect(encoded.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        let bare = try PostgresURL(parsing: "postgres://paybatch@/payroll")
        #expect(bare.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(try PostgresURL(parsing: bare.description) == bare)
    }

    @Test(arguments: [
        ("postgres://u@h:99999/d", "has the port `99999`"),
        ("postgres://u@h/d/e", "has the path `/d/e`"),
        ("postgres://u@h/d?sslmode=always", "has sslmode `always`"),
        ("postgres://u@h/d?connect_timeout=3", "has the parameter `connect_timeout`"),
        ("postgres://h/d", "names no user"),
        ("postgres:/h/d", "is not a PostgreSQL URL"),
    ])
    func aMalformedURLIsAUsageErrorThatSaysWhatAndHow(url: String, problem: String) {
        let failure = expectFailure(.usage) { _ = try PostgresURL(parsing: url) }
        #expect(failure?.message.contains(problem) == true, "\(String(describing: failure))")
        #expect(failure?.remedy?.isEmpty == false)
    }

    @Test func aPasswordInTheURLIsRefusedAndNeverRepeated() {
        for url in ["postgres://u:hunter2@h/d", "postgres://u@h/d?password=hunter2&sslmode=require"] {
            let failure = expectFailure(.usage) { _ = try PostgresURL(parsing: url) }
            let text = String(describing: failure)
            #expect(!text.contains("hunter2"), "\(text)")
            #expect(text.contains("***") && text.contains("PGPASSWORD"), "\(text)")
        }
    }

    @Test func aPathStaysSQLiteAndOnlyAPostgresURLIsPostgreSQL() throws {
        #expect(try StoreLocation("paybatch.sqlite") == .sqlite(path: "paybatch.sqlite"))
        #expect(
            try StoreLocation("/srv/postgres/paybatch.sqlite")
                == .sqlite(path: "/srv/postgres/paybatch.sqlite"))
        #expect(try StoreLocation("postgres.sqlite") == .sqlite(path: "postgres.sqlite"))
        #expect(try StoreLocation("./postgres://x") == .sqlite(path: "./postgres://x"))
        let url = try PostgresURL(parsing: "postgres://u@h/d")
        #expect(try StoreLocation("postgres://u@h/d") == .postgres(url))
        #expect(try StoreLocation("PostgreSQL://u@h/d") == .postgres(url))
        expectFailure(.usage) { _ = try StoreLocation("postgres:u@h") }
    }
}
