/// A connection's pay-statement answers read (decoded, normalized, handed to the sink) on a task of
/// their own, behind the calls that fetch them: reading a large page takes longer than Finch takes
/// to answer the connection's next calls, which are on their way meanwhile. The calls themselves
/// stay one at a time, so a crash still loses at most one answer per connection (issue 9).
///
/// `StatementHandoff` is the calling side, `StatementReader` the reading side; `make` pairs them.
/// The sink belongs to the reader from the first answer handed over until `drain` returns: the
/// fetch hands the sink nothing else meanwhile.
enum StatementReading {
    /// The calls run at most this many answers ahead of the reading: an answer being read, one
    /// waiting, and the one arriving are held at once (a few times the largest answer; issue 8).
    static let answersAhead = 2

    static func make(_ sink: any ConnectionRowSink) -> (StatementReader, StatementHandoff) {
        let (answers, answersInput) = AsyncStream.makeStream(of: FinchClient.PayStatementAnswer.self)
        let (read, readInput) = AsyncStream.makeStream(of: Void.self)
        return (
            StatementReader(answers: answers, read: readInput, sink: SinkReference(sink: sink)),
            StatementHandoff(answers: answersInput, read: read.makeAsyncIterator())
        )
    }

    /// Runs `body` with a handoff whose answers a reader reads into `sink` on a task of its own
    /// meanwhile; returns once every answer handed over is read. When both fail, the reader's own
    /// failure (the store) is the one thrown.
    static func reading(
        into sink: any ConnectionRowSink, _ body: (StatementHandoff) async throws -> Void
    ) async throws {
        let (reader, handoff) = make(sink)
        async let reading: Void = reader.run()
        do {
            try await body(handoff)
        } catch {
            handoff.close()
            try await reading
            throw error
        }
        handoff.close()
        try await reading
    }

    /// The reader ended before reading what it was handed: its own failure says why.
    struct ReaderStopped: Error {}

    /// The sink, handed between the fetch's task and the reader's. `@unchecked Sendable`, and
    /// safe: it changes hands at every answer and back, so neither `sending` nor a lock can say
    /// it, but one task at a time uses it. The reader touches it only while an answer handed over
    /// is unread; the fetch only before its first `hand` and after `drain` (or the reader's end)
    /// returned, i.e. once the reader said every answer is read. Each handover goes through an
    /// `AsyncStream` (yield, then next), which orders one task's use before the other's.
    fileprivate struct SinkReference: @unchecked Sendable {
        let sink: any ConnectionRowSink
    }
}

/// Reads each answer handed over, in order, and says when it has.
struct StatementReader: Sendable {
    fileprivate let answers: AsyncStream<FinchClient.PayStatementAnswer>
    fileprivate let read: AsyncStream<Void>.Continuation
    fileprivate let sink: StatementReading.SinkReference

    /// Until the handoff closes; a sink failure (the store) ends it and is what it throws.
    func run() async throws {
        defer { read.finish() }
        for await answer in answers {
            for (payment, page) in answer {
                let ready = sink.sink.pageNormalizer(for: payment)
                let unreadable = try await page.forEachChunk(
                    of: FinchClient.statementsPerChunk, readying: ready
                ) { try sink.sink.statements($0) }
                // Null or unreadable entries give no statement, but they are counted (SPEC §8).
                if unreadable > 0 {
                    var notes = DataNotes()
                    PayrollNormalizer.noteUnreadableStatements(unreadable, notes: &notes)
                    try sink.sink.statements(NormalizedPage(payment: payment, notes: notes))
                }
            }
            read.yield()
        }
        // A cancelled task's stream ends early: say so, rather than that the reader stopped.
        try Task.checkCancellation()
    }
}

/// The fetch's side: hands answers over, waits for them to be read. Not Sendable: the fetch's own.
final class StatementHandoff {
    private let answers: AsyncStream<FinchClient.PayStatementAnswer>.Continuation
    private var read: AsyncStream<Void>.AsyncIterator
    /// Handed over and not yet read.
    private var unread = 0

    fileprivate init(
        answers: AsyncStream<FinchClient.PayStatementAnswer>.Continuation,
        read: AsyncStream<Void>.AsyncIterator
    ) {
        self.answers = answers
        self.read = read
    }

    /// Hands `answer` over once fewer than `answersAhead` answers are unread.
    func hand(_ answer: FinchClient.PayStatementAnswer) async throws {
        while unread >= StatementReading.answersAhead { try await oneRead() }
        unread += 1
        answers.yield(answer)
    }

    /// Waits until every answer handed over is read: the sink is the fetch's again.
    func drain() async throws {
        while unread > 0 { try await oneRead() }
    }

    /// No more answers: the reader ends once it has read those it has.
    func close() { answers.finish() }

    private func oneRead() async throws {
        guard await read.next() != nil else { throw StatementReading.ReaderStopped() }
        unread -= 1
    }
}
