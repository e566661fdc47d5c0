import Foundation
import PaybatchKit

/// libFuzzer entry: the roster importer's reader, as CSV and as JSON lines. A `RosterFileFailure`
/// or `CSVReadFailure` is the right answer to a bad file; anything else (a crash, a hang, another
/// error type) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoster(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    for format in [RosterFileReader.Format.csv, .jsonLines] {
        do {
            _ = try RosterFileReader.read(data: data, name: "fuzz", format: format)
        } catch is RosterFileFailure {
        } catch is CSVReadFailure {
        } catch {
            fatalError("roster reader threw an untyped error: \(type(of: error)) \(error)")
        }
    }
    _ = RosterFileReader.format(name: "fuzz", head: data.prefix(64))
    return 0
}
