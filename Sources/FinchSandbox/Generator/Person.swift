/// One generated person of a connection; computed on demand, never stored.
struct Person: Sendable {
    let index: Int
    let id: String
    let sourceID: String
    let firstName: String
    let middleName: String?
    let lastName: String
    let preferredName: String?
    let dob: SandboxDay
    let gender: String
    let title: String
    let department: String
    let managerID: String?
    let isContractor: Bool
    let subtype: String
    let start: SandboxDay
    /// End of the first employment when the person was rehired.
    let firstEnd: SandboxDay?
    let rehire: SandboxDay?
    let end: SandboxDay?
    let hourly: Bool
    /// Hourly rate or yearly salary, in cents.
    let rateCents: Int
    let city: String
    let state: String
    let retirementPercent: Int
    let medicalCents: Int
    let seed: UInt64

    /// Whether the person was employed on any day of [from, to].
    func employed(from: SandboxDay, to: SandboxDay) -> Bool {
        let spans: [(SandboxDay, SandboxDay?)] =
            if let firstEnd, let rehire { [(start, firstEnd), (rehire, end)] } else { [(start, end)] }
        return spans.contains { span in span.0 <= to && (span.1 ?? to) >= from }
    }

    /// Finch's `employment_status` on `day`.
    func status(on day: SandboxDay) -> String {
        if start > day { return "prehire" }
        if let end, end <= day { return "terminated" }
        return "active"
    }
}
