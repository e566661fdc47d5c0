import Foundation

/// Makes a child die with the test process that started it. A crashed parallel run once left
/// debug `paybatch` children behind, and a child that serves until it is signalled (`paybatch
/// sandbox --port 0`) outlives a crashed test process for good: nothing is left to stop it.
/// Foundation's `Process` cannot call prctl(PR_SET_PDEATHSIG) in the child, so the child starts
/// through util-linux's `setpriv --pdeathsig`, which sets it and then execs the program (same pid).
public enum ParentDeathSignal {
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")

    /// Rewrites `process`, configured but not started, to start through `setpriv`, so the kernel
    /// sends it `signal` (a name such as `KILL` or `TERM`) when its parent goes. Linux counts the
    /// *thread* that started the child as its parent: start it from a thread that lives until the
    /// child has exited (`CapturedRun`, `BackgroundProcess` and `awaitBlocking` bodies do).
    public static func arm(_ process: Process, signal: String = "KILL") {
        let program = process.executableURL?.path ?? ""
        process.arguments = ["--pdeathsig", signal, "--", program] + (process.arguments ?? [])
        process.executableURL = setpriv
    }
}
