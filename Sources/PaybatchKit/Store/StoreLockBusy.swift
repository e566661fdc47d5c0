/// Another run holds the store lock (exit 75), and who it is.
public struct StoreLockBusy: PaybatchFailure {
    public var lockPath: String
    /// nil when the holder has not written its details yet (it is just starting).
    public var holder: LockOwner?
    public var waitedSeconds: Double

    public var exitStatus: ExitStatus { .temporary }

    public var message: String {
        let who = holder.map { "\($0.summary)" } ?? "another process (its details are not written yet)"
        let waited = waitedSeconds > 0 ? " after waiting \(Int(waitedSeconds.rounded())) s" : ""
        return "The store is locked by \(who)\(waited) (\(lockPath))."
    }

    public var remedy: String? {
        "Let that run finish, or pass --wait-lock SECONDS to wait for it. The lock frees itself when that process ends."
    }
}
