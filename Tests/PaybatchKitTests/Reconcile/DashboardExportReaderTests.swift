import Foundation
import Testing

@testable import PaybatchKit

@Suite("Dashboard connections export reading")
struct DashboardExportReaderTests {
    let header = "connection_id,company_id,provider_id,customer_id,status,created_at,disconnected_at\r\n"

    func read(_ text: String) throws(ReconcileInputFailure) -> [DashboardConnection] {
        try DashboardExportReader().read(Data(text.utf8), name: "dashboard.csv")
    }

    @Test("rows with times as ISO-8601 or dates; staged sessions without a connection are skipped")
    func rows() throws {
        let rows = try read(
            header + "c1,co1,gusto,cust-1,Live,2024-04-14T12:00:00Z,\r\n" + ",co2,gusto,,staged,,\r\n"
                + "c3,co3,rippling,,disconnected,2024-01-01,2026-09-25T23:00:00+02:00\r\n")
        #expect(rows.map(\.connectionID) == ["c1", "c3"])
        #expect(rows[0].status == "live" && rows[0].createdAt == UTCTimestamp(iso: "2024-04-14T12:00:00Z"))
        #expect(rows[1].isDisconnected && rows[1].line == 4)
        #expect(rows[1].createdAt == UTCTimestamp(iso: "2024-01-01T00:00:00Z"))
        #expect(rows[1].disconnectedAt == UTCTimestamp(iso: "2026-09-25T21:00:00Z"))
        #expect(try read(header).isEmpty)
    }

    @Test("a bad time, a missing id, a repeated connection and a missing column are refused with their place")
    func refusals() {
        func message(_ text: String) -> String? {
            do {
                _ = try read(text)
                return nil
            } catch { return error.message }
        }
        #expect(
            message(header + "c1,co1,gusto,,live,last tuesday,\r\n")?
                .hasPrefix("dashboard.csv, line 2, column 6 (created_at): \"last tuesday\" is not a time")
                == true)
        #expect(
            message(header + ",co1,gusto,,live,,\r\n")?
                .hasPrefix("dashboard.csv, line 2, column 1 (connection_id): the connection_id is empty")
                == true)
        #expect(
            message(header + "c1,co1,,,live,,\r\nc1,co1,,,live,,\r\n")?
                .hasPrefix(
                    "dashboard.csv, line 3, column 1 (connection_id): connection c1 is listed again (first on line 2)"
                )
                == true)
        #expect(
            message("company_id,status\r\nco1,live\r\n")?.contains("the header has no connection_id column")
                == true)
    }
}
