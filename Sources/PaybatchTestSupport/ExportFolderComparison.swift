import Foundation
import PaybatchKit

/// Compares two export folders of one period the way SPEC §8 allows a resumed or fault-injected
/// run to differ from a clean one: only `last_request_id`, run.json's `run_id`, `started_at` and
/// `finished_at`, and Run Info's times — and run.json's `retries` and `limiter_wait_s`, which
/// measure the run itself as its times do (a fault-injected run retries by design; SPEC §8 lists
/// them in run.json but not among what may differ, an omission). Every other byte of the CSVs,
/// every other run.json field and every other workbook cell must be equal.
public enum ExportFolderComparison {
    /// run.json keys that may differ.
    static let runJSONMayDiffer: Set<String> = [
        "run_id", "started_at", "finished_at", "retries", "limiter_wait_s",
    ]

    /// The differences, one line each; empty when the folders agree.
    public static func differences(_ expected: String, _ actual: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: expected).sorted()
        let others = try FileManager.default.contentsOfDirectory(atPath: actual).sorted()
        guard names == others else { return ["files differ: \(names) vs \(others)"] }
        var found: [String] = []
        var masked: Set<String> = []
        for name in names {
            let a = expected + "/" + name
            let b = actual + "/" + name
            if name == "run.json" { continue }
            if name.hasSuffix(".xlsx") {
                masked.insert(name)
                let (x, y) = (try XLSXCells(path: a), try XLSXCells(path: b))
                found += workbookDifferences(x, y).map { "\(name): \($0)" }
            } else if name == "connections.csv" {
                masked.insert(name)
                if try csvMasking("last_request_id", a) != csvMasking("last_request_id", b) {
                    found.append("\(name) differs beyond last_request_id")
                }
            } else if FileManager.default.contents(atPath: a) != FileManager.default.contents(atPath: b) {
                found.append("\(name) differs")
            }
        }
        if names.contains("run.json") {
            let x = try runJSON(expected + "/run.json", ignoringDigestsOf: masked)
            let y = try runJSON(actual + "/run.json", ignoringDigestsOf: masked)
            for key in Set(x.keys).union(y.keys).sorted() where x[key] != y[key] {
                found.append("run.json \(key): \(x[key] ?? "∅") vs \(y[key] ?? "∅")")
            }
        }
        return found
    }

    /// Cells that differ, Run Info's times and run id and the Connections sheet's
    /// `last_request_id` aside.
    static func workbookDifferences(_ x: XLSXCells, _ y: XLSXCells) -> [String] {
        guard x.sheetNames == y.sheetNames else { return ["sheets \(x.sheetNames) vs \(y.sheetNames)"] }
        var found: [String] = []
        for sheet in x.sheetNames {
            var (a, b) = (x.sheets[sheet] ?? [:], y.sheets[sheet] ?? [:])
            if sheet == "Connections" {
                // The column of last_request_id, found by its header (the template's label).
                let header = x.rows(of: sheet)[1] ?? [:]
                for (column, label) in header where label == "last_request_id" {
                    for ref in Set(a.keys).union(b.keys) where ref.prefix(while: { $0.isLetter }) == column {
                        if ref != column + "1" { (a[ref], b[ref]) = (nil, nil) }
                    }
                }
            }
            if sheet == "Run Info" {
                for (row, cells) in x.rows(of: sheet) {
                    let key = cells["A"] ?? ""
                    if key == "run_id" || key.hasSuffix("_at") {
                        a["B\(row)"] = nil
                        b["B\(row)"] = nil
                    }
                }
            }
            for ref in Set(a.keys).union(b.keys).sorted() where a[ref] != b[ref] {
                found.append("\(sheet)!\(ref): \(a[ref] ?? "∅") vs \(b[ref] ?? "∅")")
            }
        }
        return found
    }

    /// The CSV's records with one column blanked.
    public static func csvMasking(_ column: String, _ path: String) throws -> [[String]] {
        let reader = try CSVReader(path: path)
        let index = reader.index(of: column)
        var rows = [reader.header]
        while let record = try reader.next() {
            var fields = record.fields
            if let index, index < fields.count { fields[index] = "" }
            rows.append(fields)
        }
        return rows
    }

    /// run.json without the fields allowed to differ, each top-level field (and each connection)
    /// serialized with sorted keys; the files
    /// whose content legitimately differs keep their path and rows but not their digest and size.
    static func runJSON(_ path: String, ignoringDigestsOf masked: Set<String>) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return ["": "not an object"]
        }
        for key in runJSONMayDiffer { object[key] = nil }
        if let files = object["files"] as? [[String: Any]] {
            object["files"] = files.map { file -> [String: Any] in
                guard let name = file["path"] as? String, masked.contains(name) else { return file }
                return file.filter { $0.key != "sha256" && $0.key != "bytes" }
            }
        }
        // Per top-level key, so a difference names its field; connections one by one.
        var fields: [String: String] = [:]
        for (key, value) in object {
            if key == "connections", let connections = value as? [[String: Any]] {
                for (i, connection) in connections.enumerated() {
                    fields["connections[\(i)]"] = try serialized(connection)
                }
            } else {
                fields[key] = try serialized(value)
            }
        }
        return fields
    }

    static func serialized(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }
}
