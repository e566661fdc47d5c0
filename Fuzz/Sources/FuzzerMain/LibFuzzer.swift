import Foundation
import FuzzerDriver

/// Hands the process's command line (corpus folders, `-max_total_time`…) to libFuzzer's driver,
/// which calls `target` for every input; exits with the driver's status.
public func runLibFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var arguments = CommandLine.argc
    var values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&arguments, &values, target))
}
