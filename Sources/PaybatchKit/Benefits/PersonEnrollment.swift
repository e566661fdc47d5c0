/// What a benefit's enrollment list says of one person.
public enum PersonEnrollment: Sendable, Hashable {
    /// Enrolled; the employee deduction, or nil when none is configured (or its type is unknown).
    case enrolled(ConfiguredDeduction?)
    /// The item answered an error: whether the person is enrolled is not known, so nothing about
    /// their deductions of this benefit is judged.
    case unreadable
}
