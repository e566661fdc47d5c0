import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// SPEC §8 "Period over period": which connections and figures are compared, and what a finding is.
@Suite struct PeriodComparisonTests {
    func record(
        _ id: ConnectionID, _ status: ExportStatus = .ok, people: Int = 10, payments: Int = 2,
        statements: Int = 20,
        money: [PeriodTotalsRecord.Money] = [
            .init(currency: "USD", gross: Cents(1_000_000), net: Cents(700_000))
        ]
    ) -> PeriodTotalsRecord {
        PeriodTotalsRecord(
            connectionID: id, exportStatus: status, individuals: people, payments: payments,
            payStatements: statements,
            money: money)
    }

    @Test func onlyConnectionsOkInBothAreCompared() {
        let changes = PeriodComparison().changes(
            current: [record("a"), record("b", .partial), record("c")],
            previous: [record("a"), record("b"), record("d")])
        #expect(Set(changes.map(\.connectionID)) == ["a"])
        #expect(changes.count == 5)
        #expect(changes.allSatisfy { !$0.isFinding && $0.difference == 0 })
    }

    @Test func aChangeStrictlyBeyondTheThresholdIsAFinding() throws {
        let previous = [record("a", people: 100)]
        let exactly = PeriodComparison().changes(current: [record("a", people: 130)], previous: previous)
        #expect(exactly.first { $0.figure == .individuals }?.isFinding == false)
        #expect(exactly.first { $0.figure == .individuals }?.percentText == "30.0")
        let beyond = PeriodComparison().changes(current: [record("a", people: 131)], previous: previous)
        #expect(beyond.first { $0.figure == .individuals }?.isFinding == true)
        let down = PeriodComparison().changes(
            current: [
                record("a", money: [.init(currency: "USD", gross: Cents(80_000), net: Cents(700_000))])
            ],
            previous: [record("a")])
        let gross = try #require(down.first { $0.figure == .grossPay })
        #expect(gross.isFinding && gross.percentText == "-92.0")
        #expect(
            gross.sentence(previousPeriod: Period("2026-09")!)
                == "gross pay (USD) down 92.0 % from 2026-09: is data missing?")
    }

    @Test func fromZeroThereIsNoPercentAndNoFinding() {
        let changes = PeriodComparison().changes(
            current: [
                record("a", payments: 3, money: [.init(currency: "CAD", gross: Cents(100), net: Cents(50))])
            ],
            previous: [record("a", payments: 0, money: [])])
        let cad = changes.filter { $0.currency == "CAD" }
        #expect(cad.count == 2 && cad.allSatisfy { !$0.isFinding && $0.percentText == nil })
        #expect(changes.first { $0.figure == .payments }?.isFinding == false)
        // A currency paid last month and not this one counts as 0 now: -100 %.
        let gone = PeriodComparison().changes(current: [record("a", money: [])], previous: [record("a")])
        #expect(
            gone.filter { $0.currency == "USD" }.allSatisfy { $0.isFinding && $0.percentText == "-100.0" })
        // An amount unknown in either month is not compared.
        let unknown = PeriodComparison().changes(
            current: [record("a", money: [.init(currency: "USD", gross: nil, net: Cents(1))])],
            previous: [record("a")])
        #expect(unknown.filter { $0.figure == .grossPay }.isEmpty)
    }

    @Test func totalsOutliveTheRunsAndTheLatestRunIsTheBaseline() throws {
        let temp = try TempStore()
        let store = try temp.open()
        let period = Period("2026-09")!
        try store.savePeriodTotals(
            [record("a")], runID: "r1", period: period, finishedAt: Date(timeIntervalSince1970: 1))
        try store.savePeriodTotals(
            [record("a", people: 12), record("b", .pending, money: [])], runID: "r2", period: period,
            finishedAt: Date(timeIntervalSince1970: 2))
        let latest = try #require(try store.latestPeriodTotals(period: period))
        #expect(latest.runID == "r2")
        #expect(latest.totals == [record("a", people: 12), record("b", .pending, money: [])])
        #expect(try store.latestPeriodTotals(period: Period("2026-08")!) == nil)
    }
}
