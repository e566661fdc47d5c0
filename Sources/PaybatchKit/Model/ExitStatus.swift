/// The exit codes of SPEC §2. The engine never exits; it returns or throws one of these and the
/// command line turns it into the process's status.
public enum ExitStatus: Int32, Sendable, CaseIterable, Codable {
    /// Complete; for `reconcile`, everything matched within tolerance.
    case ok = 0
    /// Export finished but is partial, or some tokens were rejected.
    case partial = 3
    /// `reconcile` found discrepancies.
    case discrepancies = 4
    case usage = 64
    /// Bad input data (roster, invoice, config, template); the message names file, line, column.
    case dataError = 65
    /// Finch unreachable, or answering only server errors after all retries, or blocking the account.
    case unavailable = 69
    /// A bug.
    case software = 70
    /// Cannot create an output file.
    case cannotCreate = 73
    /// Another run holds the lock, or the run was rate-limited out.
    case temporary = 75
    /// The key cannot decrypt the store.
    case noPermission = 77
    /// Configuration missing: no key, no client secret where one is needed.
    case configuration = 78
}
