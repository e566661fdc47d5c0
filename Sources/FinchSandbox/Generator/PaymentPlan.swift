/// One payroll run of a connection: its id and dates; statements are computed from it on demand.
struct PaymentPlan: Sendable {
    let id: String
    let payDate: SandboxDay
    let periodStart: SandboxDay
    let periodEnd: SandboxDay
    let offCycle: Bool
}
