import Foundation
import PaybatchKit

/// A program run to its end with its standard output and error captured: `paybatch` itself,
/// `unzip`, the conformance scripts' Python.
public struct CapturedRun: Sendable {
    public var exitCode: Int32
    public var stdout: Data
    public var stderr: Data

    /// Runs `process` (configured but for its output) with `stdin` on a pipe when given, reads both
    /// outputs to their end and waits for its exit. `mergingErrors` sends stderr into `stdout`, in
    /// the order printed. Blocking: call it from a thread of its own (`awaitBlocking`).
    public static func run(
        _ process: Process, stdin: Data? = nil, mergingErrors: Bool = false
    ) throws -> CapturedRun {
        let out = Pipe()
        let err = mergingErrors ? out : Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: stdin)
            try input.fileHandleForWriting.close()
        }
        // Both pipes at once, so a chatty child never blocks on a full one. DescriptorReader, not
        // readDataToEndOfFile: a signal interrupting the read must not crash the test process.
        // Written by the reader before it leaves the group, read after `group.wait()`.
        nonisolated(unsafe) var errorOutput = Result<Data, DescriptorReader.ReadError>.success(Data())
        let group = DispatchGroup()
        if !mergingErrors {
            DispatchQueue.global().async(group: group) {
                errorOutput = Result { () throws(DescriptorReader.ReadError) in
                    try DescriptorReader.readToEnd(err.fileHandleForReading)
                }
            }
        }
        let output = Result { () throws(DescriptorReader.ReadError) in
            try DescriptorReader.readToEnd(out.fileHandleForReading)
        }
        group.wait()
        process.waitUntilExit()
        return CapturedRun(
            exitCode: process.terminationStatus, stdout: try output.get(),
            stderr: try errorOutput.get())
    }

    /// Standard output as UTF-8 text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var errors: String { String(decoding: stderr, as: UTF8.self) }
}
