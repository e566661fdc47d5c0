import Foundation
import PaybatchKit

/// libFuzzer entry: the invoice parser with its embedded profile, the Dashboard export reader, and
/// the column-profile parser (`Templates/invoice/*.json`). Each must refuse bad input with a
/// `ReconcileInputFailure` (65), never crash or hang.
/// The embedded profiles, parsed once: parsing them for every input would halve the speed.
let invoiceProfile = ColumnProfile<InvoiceColumn>.embedded
let dashboardProfile = ColumnProfile<DashboardColumn>.embedded

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInvoice(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let period = Period("2026-10")!
    _ = try? InvoiceReader(period: period, profile: invoiceProfile).read(data, name: "fuzz.csv")
    _ = try? DashboardExportReader(profile: dashboardProfile).read(data, name: "fuzz.csv")
    let text = String(decoding: data, as: UTF8.self)
    if let profile = try? ColumnProfile<InvoiceColumn>.parse(text, file: "fuzz.json") {
        // A profile that parses must also be usable on a header it could meet.
        _ = try? InvoiceReader(period: period, profile: profile).read(
            Data("company_id,amount\nc1,1.00\n".utf8), name: "probe.csv")
    }
    _ = try? ColumnProfile<DashboardColumn>.parse(text, file: "fuzz.json")
    return 0
}
