import Dispatch
import Synchronization

/// Threads of the render stage's own for its CPU work — decoding, normalizing, spooling, writing
/// files — so that none of it runs on Swift's cooperative pool, which has one thread per core
/// (two here): there, a page being normalized held back the next connections' first calls, and
/// connections started in groups (issue 20). The fetch stage keeps the pool, and the operating
/// system shares the cores between the two.
///
/// Two serial queues, each job to the one with fewer jobs waiting: a serial dispatch queue
/// brings a thread of its own when one is needed (dispatch "overcommits" for them), where a
/// concurrent queue would share the pool's width. Two, because the render stage runs two things
/// at once at most (a page readied while the previous is spooled; the CSV files written while the
/// workbook is).
final class RenderExecutor: TaskExecutor {
    private let queues = (0..<2).map { DispatchQueue(label: "paybatch.render.\($0)") }
    /// Jobs enqueued on each queue and not yet run.
    private let waiting = Mutex([0, 0])

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let index = waiting.withLock { waiting in
            let index = waiting[0] <= waiting[1] ? 0 : 1
            waiting[index] += 1
            return index
        }
        queues[index].async {
            self.waiting.withLock { $0[index] -= 1 }
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
