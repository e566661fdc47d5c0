/// The oddities normalization finds, counted by (code, report, column) — SPEC §8 "Data notes":
/// `null_list_element`, `unknown_enum`, `missing_amount`, `product_not_granted`,
/// `status_disagrees`, `invalid_date`, `amount_out_of_range`, `outside_period`,
/// `date_before_1900`, `currency_mismatch`… They become rows of data_quality.csv, never crashes
/// or guessed values.
public struct DataNotes: Sendable, Equatable {
    /// What one note is about.
    public struct Key: Hashable, Sendable, Comparable {
        public var code: String
        public var report: String
        public var column: String

        public init(code: String, report: String, column: String) {
            self.code = code
            self.report = report
            self.column = column
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.report, lhs.column, lhs.code) < (rhs.report, rhs.column, rhs.code)
        }
    }

    public private(set) var counts: [Key: Int] = [:]

    public init() {}

    public mutating func add(_ code: String, report: String, column: String, count: Int = 1) {
        guard count > 0 else { return }
        counts[Key(code: code, report: report, column: column), default: 0] += count
    }

    public mutating func merge(_ other: DataNotes) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    public func count(_ code: String, report: String, column: String) -> Int {
        counts[Key(code: code, report: report, column: column)] ?? 0
    }

    /// The notes in a stable order: report, column, code.
    public var sorted: [(key: Key, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { (key: $0.key, count: $0.value) }
    }

    public var isEmpty: Bool { counts.isEmpty }
}
