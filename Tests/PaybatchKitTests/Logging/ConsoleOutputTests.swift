import Foundation
import PaybatchKit
import Testing

/// What a console wrote, stream by stream, in order.
private final class RecordingConsoleWriter: ConsoleWriter, @unchecked Sendable {
    enum Stream: Equatable { case output, error }
    // @unchecked: `recorded` is only touched under `lock`.
    private let lock = NSLock()
    private var recorded: [(Stream, String)] = []
    func writeOutput(_ text: String) { lock.withLock { recorded.append((.output, text)) } }
    func writeError(_ text: String) { lock.withLock { recorded.append((.error, text)) } }
    var writes: [(Stream, String)] { lock.withLock { recorded } }
    /// Everything written on stderr, as a terminal received it.
    var stderr: String { writes.filter { $0.0 == .error }.map(\.1).joined() }
}

private let clear = "\r\u{1B}[2K"

@Suite("The progress line and the lines around it")
struct ConsoleOutputTests {
    let line = ProgressLine(label: "connections fetched", done: 3, total: 10, remainingSeconds: 42)

    @Test func theLineShowsDoneOverTotalAndTheTimeLeft() {
        #expect(line.text == "connections fetched 3/10, about 42 s left")
        #expect(ProgressLine(label: "introspect", done: 3, total: 10).text == "introspect 3/10")
        let last = ProgressLine(label: "connections fetched", done: 10, total: 10, remainingSeconds: 0)
        #expect(last.text == "connections fetched 10/10")
        #expect(last.isFinal)
    }

    @Test func aLogLineWhileProgressIsShownIsClearedLineRedrawInThatOrder() {
        let writer = RecordingConsoleWriter()
        let console = ConsoleOutput(writer: writer, stderrIsTerminal: true)
        console.progress(line)
        console.errorLine("2026-11-29T09:30:00Z info connection ok")
        #expect(
            writer.stderr
                == clear + line.text + clear + "2026-11-29T09:30:00Z info connection ok\n" + line.text)
        // The clearing, the line and the redraw go out as one write, so nothing lands between them.
        #expect(writer.writes.count == 2)
    }

    @Test func aLineOnStdoutIsClearedAroundToo() {
        let writer = RecordingConsoleWriter()
        let console = ConsoleOutput(writer: writer, stderrIsTerminal: true)
        console.progress(line)
        console.outputLine("Wrote 8 files")
        let writes = writer.writes
        #expect(writes.count == 4)
        #expect(writes.dropFirst().map(\.0) == [.error, .output, .error])
        #expect(writes.dropFirst().map(\.1) == [clear, "Wrote 8 files\n", line.text])
    }

    @Test func withoutAProgressLineLinesGoOutAsTheyAre() {
        let writer = RecordingConsoleWriter()
        let console = ConsoleOutput(writer: writer, stderrIsTerminal: true)
        console.errorLine("a")
        console.outputLine("b")
        #expect(writer.writes.map(\.1) == ["a\n", "b\n"])
    }

    @Test func whenStderrIsNotATerminalThereIsNoProgressAndNoClearing() {
        let writer = RecordingConsoleWriter()
        let console = ConsoleOutput(writer: writer, stderrIsTerminal: false)
        console.progress(line)
        console.errorLine("a log line")
        console.outputLine("a result")
        console.progress(ProgressLine(label: "connections fetched", done: 10, total: 10))
        console.endProgress()
        #expect(writer.writes.map(\.1) == ["a log line\n", "a result\n"])
        #expect(!writer.stderr.contains("\u{1B}"))
        #expect(!writer.stderr.contains("\r"))
    }

    @Test func theFinalLineStaysAndLaterLinesGoBelowItUncleared() {
        let writer = RecordingConsoleWriter()
        let console = ConsoleOutput(writer: writer, stderrIsTerminal: true)
        console.progress(line)
        console.progress(ProgressLine(label: "connections fetched", done: 10, total: 10, remainingSeconds: 0))
        console.errorLine("notice export finished")
        console.endProgress()
        #expect(
            writer.stderr
                == clear + line.text + clear + "connections fetched 10/10\n" + "notice export finished\n")
    }

    @Test func aLineCutShortStaysWithItsCountAndWithoutItsEstimate() {
        let writer = RecordingConsoleWriter()
        let console = ConsoleOutput(writer: writer, stderrIsTerminal: true)
        console.progress(line)
        console.endProgress()
        console.errorLine("paybatch: interrupted")
        #expect(
            writer.stderr
                == clear + line.text + clear + "connections fetched 3/10\n" + "paybatch: interrupted\n")
    }

    @Test func linesFromManyTasksNeverSplitARedraw() async {
        let writer = RecordingConsoleWriter()
        let console = ConsoleOutput(writer: writer, stderrIsTerminal: true)
        console.progress(ProgressLine(label: "p", done: 0, total: 100))
        await withTaskGroup(of: Void.self) { group in
            for index in 1..<100 {
                group.addTask {
                    console.errorLine("line \(index)")
                    console.progress(ProgressLine(label: "p", done: index, total: 100))
                }
            }
        }
        // Every log line write is whole: clearing, the line, a redraw of a line shown at the time.
        for (_, text) in writer.writes.dropFirst() where text.contains("line ") {
            #expect(text.hasPrefix(clear + "line "))
            #expect(text.range(of: #"\np \d+/100$"#, options: .regularExpression) != nil)
        }
    }
}

@Suite("The progress line's state machine")
struct ProgressLineStateMachineTests {
    let line = ProgressLine(label: "introspect", done: 1, total: 2)

    @Test func drawingShowsTheLineAndTheFinalOneLeavesItIdle() {
        var machine = ProgressLineStateMachine(stderrIsTerminal: true)
        #expect(machine.state == .idle)
        #expect(machine.around().before.isEmpty && machine.around().after.isEmpty)
        #expect(machine.draw(line) == clear + "introspect 1/2")
        #expect(machine.state == .shown(line))
        #expect(machine.around().before == clear && machine.around().after == "introspect 1/2")
        #expect(
            machine.draw(ProgressLine(label: "introspect", done: 2, total: 2)) == clear + "introspect 2/2\n")
        #expect(machine.state == .idle)
        #expect(machine.end() == "")
    }

    @Test func endingAShownLineLeavesItIdle() {
        var machine = ProgressLineStateMachine(stderrIsTerminal: true)
        _ = machine.draw(line)
        #expect(machine.end() == clear + "introspect 1/2\n")
        #expect(machine.state == .idle)
        #expect(machine.end() == "")
    }

    @Test func notATerminalStaysSoAndWritesNothingOfItsOwn() {
        var machine = ProgressLineStateMachine(stderrIsTerminal: false)
        #expect(machine.draw(line) == "")
        #expect(machine.state == .notTerminal)
        #expect(machine.around().before.isEmpty && machine.around().after.isEmpty)
        #expect(machine.end() == "")
        #expect(machine.state == .notTerminal)
    }
}
