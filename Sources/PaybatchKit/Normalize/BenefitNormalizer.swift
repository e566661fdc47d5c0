/// Finch's benefit answers (`ConnectionBenefits`) made into the two reports' rows and the deduction
/// check's configuration: the one place benefit wire types are read.
struct BenefitNormalizer {
    let identity: ConnectionIdentity
    /// The day the configuration was read.
    let asOf: CalendarDate

    /// benefits.csv's rows in Finch's order, and benefit_enrollments.csv's: per benefit, the
    /// enrolled items by individual id (items that answered an error are not enrollments).
    func rows(_ read: ConnectionBenefits) -> (benefits: [BenefitRow], enrollments: [BenefitEnrollmentRow]) {
        var benefits: [BenefitRow] = []
        var enrollments: [BenefitEnrollmentRow] = []
        for benefit in read.benefits {
            benefits.append(
                BenefitRow(
                    identity: identity, benefitID: benefit.benefitID, type: benefit.type?.rawValue,
                    description: benefit.description, frequency: benefit.frequency,
                    companyContribution: benefit.companyContribution.map(Self.describe)))
            guard let id = benefit.benefitID else { continue }
            let items = (read.enrollments[id] ?? []).filter(\.isEnrolled).sorted {
                ($0.individualID ?? "").utf8.lexicographicallyPrecedes(($1.individualID ?? "").utf8)
            }
            for item in items {
                let body = item.body
                enrollments.append(
                    BenefitEnrollmentRow(
                        identity: identity, benefitID: id, type: benefit.type?.rawValue,
                        individualID: item.individualID.map(IndividualID.init),
                        employeeDeductionType: body?.employeeDeduction?.type,
                        employeeDeduction: Self.amountCell(body?.employeeDeduction),
                        companyContributionType: body?.companyContribution?.type,
                        companyContribution: Self.amountCell(body?.companyContribution),
                        annualMaximum: body?.annualMaximum?.cents, catchUp: body?.catchUp?.value,
                        configuredAsOf: asOf))
            }
        }
        return (benefits, enrollments)
    }

    /// The configuration as the check takes it: a tiered match on an enrollment counts for its
    /// benefit; an item that answered an error is `unreadable`; a deduction of a kind other than
    /// fixed or percent, or without an amount, is none.
    static func check(_ read: ConnectionBenefits) -> BenefitCheck {
        var people: [String: [IndividualID: PersonEnrollment]] = [:]
        var tiered: Set<String> = []
        for (benefitID, items) in read.enrollments {
            var list: [IndividualID: PersonEnrollment] = [:]
            for item in items {
                guard let id = item.individualID, !id.isEmpty else { continue }
                guard item.isEnrolled, let body = item.body else {
                    list[IndividualID(id)] = .unreadable
                    continue
                }
                if body.companyContribution?.isTiered == true { tiered.insert(benefitID) }
                list[IndividualID(id)] = .enrolled(body.employeeDeduction.flatMap(deduction))
            }
            people[benefitID] = list
        }
        let benefits = read.benefits.compactMap { benefit -> CheckedBenefit? in
            guard let id = benefit.benefitID else { return nil }
            return CheckedBenefit(
                id: id, type: benefit.type?.rawValue, frequency: benefit.frequency,
                contributionTiered: benefit.companyContribution?.isTiered == true || tiered.contains(id))
        }
        return BenefitCheck(benefits: benefits, enrollments: people)
    }

    /// A configured employee deduction, when it is one the check can compute.
    static func deduction(_ amount: WireBenefitAmount) -> ConfiguredDeduction? {
        guard let value = amount.amount?.cents else { return nil }
        switch amount.type {
        case "fixed": return .fixed(value)
        case "percent": return .percent(basisPoints: value.value)
        default: return nil
        }
    }

    /// A fixed amount as money; a percentage as percent with two places (basis points / 100,
    /// exact: 550 → `5.50`); anything else (a tiered match) empty.
    static func amountCell(_ amount: WireBenefitAmount?) -> Cell {
        guard let amount, let value = amount.amount?.cents else { return .empty }
        switch amount.type {
        case "fixed": return .money(value)
        case "percent": return .decimal(value.decimalString)
        default: return .empty
        }
    }

    /// A contribution in words, exact: `match: 100.00 % up to 3.00 %; 50.00 % up to 5.00 %`,
    /// `fixed 25.00`, `percent 4.00 %` (tiers and percentages are basis points, API.md §6.1; their
    /// digits are those of cents in major units).
    static func describe(_ amount: WireBenefitAmount) -> String {
        let kind = amount.type ?? "unknown"
        let tiers = amount.tiers?.present ?? []
        if !tiers.isEmpty {
            let text = tiers.map { tier in
                "\(tier.match?.cents.decimalString ?? "") % up to \(tier.threshold?.cents.decimalString ?? "") %"
            }
            return "\(kind): " + text.joined(separator: "; ")
        }
        guard let value = amount.amount?.cents else { return kind }
        return kind == "percent" ? "percent \(value.decimalString) %" : "\(kind) \(value.decimalString)"
    }
}
