/// Compares this run's per-connection totals with the previous month's (SPEC §8): for
/// connections `ok` in both, each count and each currency's gross and net; a change strictly
/// beyond the threshold is a finding (`period_change`). A currency paid in one month only counts
/// as 0 in the other; an amount unknown in either month is not compared.
public struct PeriodComparison: Sendable {
    /// `--change-threshold` in hundredths of a percent (30 % = 3000), so ties compare exactly.
    public var thresholdBasisPoints: Int64

    public init(thresholdBasisPoints: Int64 = 3000) { self.thresholdBasisPoints = thresholdBasisPoints }

    public func changes(current: [PeriodTotalsRecord], previous: [PeriodTotalsRecord]) -> [PeriodChange] {
        let before = Dictionary(previous.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [PeriodChange] = []
        for now in current where now.exportStatus == .ok {
            guard let then = before[now.unit], then.exportStatus == .ok else { continue }
            let counts: [(PeriodChange.Figure, Int, Int)] = [
                (.individuals, then.individuals, now.individuals), (.payments, then.payments, now.payments),
                (.payStatements, then.payStatements, now.payStatements),
            ]
            for (figure, a, b) in counts {
                out.append(change(now.connectionID, figure, nil, Int64(a), Int64(b)))
            }
            let currencies = Set(now.money.map(\.currency)).union(then.money.map(\.currency)).sorted {
                guard let a = $0 else { return false }
                guard let b = $1 else { return true }
                return a.utf8.lexicographicallyPrecedes(b.utf8)
            }
            for currency in currencies {
                let a = then.money.first { $0.currency == currency }
                let b = now.money.first { $0.currency == currency }
                for figure in [PeriodChange.Figure.grossPay, .netPay] {
                    let amount = { (m: PeriodTotalsRecord.Money?) -> Cents?? in
                        guard let m else { return .some(.zero) }
                        return figure == .grossPay ? m.gross : m.net
                    }
                    guard let was = amount(a) ?? nil, let is_ = amount(b) ?? nil else { continue }
                    out.append(change(now.connectionID, figure, currency, was.value, is_.value))
                }
            }
        }
        return out
    }

    private func change(
        _ id: ConnectionID, _ figure: PeriodChange.Figure, _ currency: String?, _ previous: Int64,
        _ current: Int64
    ) -> PeriodChange {
        // |current − previous| × 10,000 > threshold × |previous|, in Int128: exact, never trapping.
        let beyond =
            previous != 0
            && (Int128(current) - Int128(previous)).magnitude * 10_000
                > UInt128(thresholdBasisPoints.magnitude) * UInt128(previous.magnitude)
        return PeriodChange(
            connectionID: id, figure: figure, currency: currency, previous: previous, current: current,
            isFinding: beyond)
    }
}
