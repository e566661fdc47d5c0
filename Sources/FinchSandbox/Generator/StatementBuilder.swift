/// Builds one person's statement for one payment; every total follows from the lines it makes.
struct StatementBuilder {
    let connection: SandboxConnection
    let person: Person
    let plan: PaymentPlan

    private var periodsPerYear: Int { connection.schedule == .biWeekly ? 26 : 24 }

    func build() -> PayStatement {
        var rng = SeededRandom(state: person.seed).fork(UInt64(truncatingIfNeeded: plan.payDate.number))
        let profile = connection.profile
        let large = connection.scenario == .large
        var earnings: [PayStatement.Line?] = []
        var hoursTotal: Double?
        if plan.offCycle {
            let bonus = person.hourly ? rng.int(200...900) * 100 : person.rateCents / 40
            earnings.append(.init(category: .earning, type: "bonus", name: "Bonus", amount: bonus))
        } else if person.hourly {
            let hours = Double(rng.int(128...176)) / 2
            let regular = min(hours, 80)
            earnings.append(
                .init(
                    category: .earning, type: "wage", name: "Regular Hours",
                    amount: Int((regular * Double(person.rateCents)).rounded()), hours: regular))
            if hours > 80 {
                earnings.append(
                    .init(
                        category: .earning, type: "overtime", name: "Overtime",
                        amount: Int(((hours - 80) * Double(person.rateCents) * 1.5).rounded()),
                        hours: hours - 80))
            }
            hoursTotal = hours
        } else {
            let periodHours: Double? =
                switch profile.salariedHours {
                case .perPeriod: connection.schedule == .biWeekly ? 80 : 86.67
                case .zero: 0
                case .null: nil
                }
            earnings.append(
                .init(
                    category: .earning, type: "salary", name: "Regular Salary",
                    amount: person.rateCents / periodsPerYear, hours: periodHours))
            hoursTotal = periodHours
        }
        if large {
            earnings.append(
                .init(category: .earning, type: "bonus", name: "Spot Bonus", amount: rng.int(0...50) * 100))
        } else if !plan.offCycle, rng.chance(0.1) {
            earnings.append(
                .init(
                    category: .earning, type: "reimbursement", name: "Mileage",
                    amount: rng.int(25...150) * 100))
        }
        if profile.nullListElements, rng.chance(0.2) { earnings.insert(nil, at: 1) }
        let gross = earnings.reduce(0) { $0 + ($1?.amount ?? 0) }

        var deductions: [PayStatement.Line] = []
        if person.retirementPercent > 0 || large {
            deductions.append(
                .init(
                    category: .deduction, type: "401k", name: "401k Pre-Tax",
                    amount: gross * max(person.retirementPercent, 3) / 100, preTax: true))
        }
        if !plan.offCycle, person.medicalCents > 0 || large {
            deductions.append(
                .init(
                    category: .deduction, type: "s125_medical", name: "Medical Pre-Tax",
                    amount: min(max(person.medicalCents, 5000), gross / 4), preTax: true))
        }
        let taxable = max(0, gross - deductions.reduce(0) { $0 + ($1.amount ?? 0) })
        var taxes: [PayStatement.Line] = [
            .init(
                category: .tax, type: "federal", name: "Federal Income Tax",
                amount: taxable * rng.int(9...14) / 100),
            .init(
                category: .tax, type: "state", name: "\(person.state) State Tax", amount: taxable * 4 / 100),
            .init(category: .tax, type: "fica", name: "Social Security", amount: gross * 62 / 1000),
            .init(category: .tax, type: "fica", name: "Medicare", amount: gross * 145 / 10_000),
            .init(
                category: .tax, type: "fica", name: "Social Security (Employer)", amount: gross * 62 / 1000,
                employer: true),
        ]
        if !large {
            taxes.append(
                .init(
                    category: .tax, type: "federal", name: "FUTA",
                    amount: profile.omitsEmployerAmounts ? nil : gross * 6 / 1000, employer: true))
        }
        var contributions: [PayStatement.Line] = []
        if person.retirementPercent > 0 || large {
            contributions.append(
                .init(
                    category: .contribution, type: "401k", name: "401k Match",
                    amount: profile.omitsEmployerAmounts && rng.chance(0.3)
                        ? nil : gross * min(max(person.retirementPercent, 3), 4) / 100))
        }
        return PayStatement(
            individualID: person.id,
            type: plan.offCycle
                ? "off_cycle_payroll" : profile.writesRegularType ? "regular" : "regular_payroll",
            paymentMethod: person.index % 11 == 5 ? "check" : "direct_deposit", totalHours: hoursTotal,
            earnings: earnings, taxes: taxes, deductions: deductions, contributions: contributions)
    }
}
