import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// Finch's benefit answers (`Samples/api/quirks/benefit*.json`: a match with tiers, an unknown type
/// and frequency, a benefit without a type, a percentage in basis points, a boolean as text, a
/// deduction of an unknown kind and an error item) read into the reports' rows and the check.
@Suite("Benefit answers, normalized")
struct BenefitNormalizerTests {
    static func sample(_ name: String) throws -> Data {
        try Data(contentsOf: RepoPaths.root.appendingPathComponent("Samples/api/quirks/\(name)"))
    }

    @Test func rowsAndCheckFromTheSamples() throws {
        var read = ConnectionBenefits()
        read.benefits = try JSONDecoder().decode(
            WireList<WireCompanyBenefit>.self, from: Self.sample("benefits-match-untyped-unknown.json")
        )
        .present
        read.enrollments["b-401k"] = try JSONDecoder().decode(
            WireList<WireBenefitEnrollment>.self,
            from: Self.sample("benefit-individuals-units-and-error.json")
        ).present
        let identity = ConnectionIdentity(
            customerID: "c", companyID: nil, connectionID: "conn", providerID: nil)
        let asOf = CalendarDate("2026-11-20")!
        let (benefits, enrollments) = BenefitNormalizer(identity: identity, asOf: asOf).rows(read)
        #expect(benefits.map(\.type) == ["401k", "pet_insurance", nil])
        #expect(benefits[0].companyContribution == "match: 100.00 % up to 3.00 %; 50.00 % up to 5.00 %")
        #expect(benefits[1].frequency == "quarterly")
        // The error item is no enrollment; the others by individual id.
        #expect(enrollments.map(\.individualID?.rawValue) == ["p1", "p2", "p3"])
        #expect(enrollments[0].employeeDeduction == .decimal("5.50"))
        #expect(enrollments[0].companyContribution == .empty)
        #expect(enrollments[0].annualMaximum == Cents(2_300_000))
        #expect(enrollments[0].catchUp == true)
        #expect(enrollments[1].employeeDeduction == .money(Cents(4250)))
        #expect(enrollments[1].companyContribution == .money(Cents(1000)))
        #expect(enrollments[2].employeeDeduction == .empty)
        #expect(enrollments.allSatisfy { $0.configuredAsOf == asOf })
        let check = BenefitNormalizer.check(read)
        #expect(check.benefits.first?.contributionTiered == true)
        let people = try #require(check.enrollments["b-401k"])
        #expect(people[IndividualID("p1")] == .enrolled(.percent(basisPoints: 550)))
        #expect(people[IndividualID("p2")] == .enrolled(.fixed(Cents(4250))))
        #expect(people[IndividualID("p3")] == .enrolled(nil))
        #expect(people[IndividualID("p4")] == .unreadable)
    }
}
