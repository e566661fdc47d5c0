import CCurl
import Foundation

/// The thread that owns curl's multi handle. Callers hand it jobs under a lock and wake it with
/// `curl_multi_wakeup`; everything else happens on this thread, as libcurl requires.
///
/// `@unchecked Sendable`, and safe: what callers' tasks touch — `incoming`, `cancelled`,
/// `stopping` — is read and written under `lock` only; `active`, `idleHandles`, `cancelledEarly`
/// and every curl call on `multi` and the easy handles happen on the curl thread alone (`run` and
/// what it calls), except `curl_multi_wakeup`, which libcurl documents as callable from any
/// thread; `multi` and `connectTimeout` are set before the thread starts and never change.
final class CurlEngine: @unchecked Sendable {
    private static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    private let multi: UnsafeMutableRawPointer
    private let connectTimeout: Duration
    private let lock = NSLock()
    private var incoming: [CurlJob] = []
    private var cancelled: [ObjectIdentifier] = []
    /// Cancellations that arrived before their job was started (a task cancelled before `send`).
    private var cancelledEarly: Set<ObjectIdentifier> = []
    private var stopping = false
    /// Touched only on the curl thread.
    private var active: [UnsafeMutableRawPointer: CurlJob] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []

    init(connectTimeout: Duration) {
        _ = Self.globalInit
        multi = curl_multi_init()!
        self.connectTimeout = connectTimeout
        let thread = Thread { [self] in run() }
        thread.name = "paybatch-curl"
        thread.start()
    }

    func submit(_ job: CurlJob) {
        lock.withLock { incoming.append(job) }
        curl_multi_wakeup(multi)
    }

    func cancel(_ job: CurlJob) {
        lock.withLock { cancelled.append(ObjectIdentifier(job)) }
        curl_multi_wakeup(multi)
    }

    func stop() {
        lock.withLock { stopping = true }
        curl_multi_wakeup(multi)
    }

    private func run() {
        var running: Int32 = 0
        while true {
            let (jobs, cancels, stop) = lock.withLock {
                defer {
                    incoming.removeAll()
                    cancelled.removeAll()
                }
                return (incoming, cancelled, stopping)
            }
            for id in cancels {
                if let (handle, job) = active.first(where: { ObjectIdentifier($0.value) == id }) {
                    retire(handle, job, .failure(CancellationError()))
                } else {
                    cancelledEarly.insert(id)
                }
            }
            for job in jobs {
                if cancelledEarly.remove(ObjectIdentifier(job)) != nil {
                    job.finish(.failure(CancellationError()))
                } else {
                    start(job)
                }
            }
            if stop { break }
            curl_multi_perform(multi, &running)
            collectFinished()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for (handle, job) in active { retire(handle, job, .failure(CancellationError())) }
        for handle in idleHandles { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    private func start(_ job: CurlJob) {
        let handle = idleHandles.popLast() ?? curl_easy_init()!
        curl_easy_reset(handle)
        do {
            try CurlRequestSetup(handle: handle, job: job, connectTimeout: connectTimeout)
                .apply()
        } catch {
            idleHandles.append(handle)
            job.finish(.failure(error))
            return
        }
        job.handle = handle
        active[handle] = job
        curl_multi_add_handle(multi, handle)
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                let job = active[handle]
            else { continue }
            let code = message.pointee.data.result
            if code == CURLE_OK {
                var status = 0
                _ = pb_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
                retire(
                    handle, job, .success(HTTPResponse(status: status, headers: job.headers, body: job.body)))
            } else {
                retire(handle, job, .failure(CurlErrorMapping.error(for: code, buffer: job.errorBuffer)))
            }
        }
    }

    private func retire(
        _ handle: UnsafeMutableRawPointer, _ job: CurlJob, _ result: Result<HTTPResponse, any Error>
    ) {
        curl_multi_remove_handle(multi, handle)
        active[handle] = nil
        job.handle = nil
        idleHandles.append(handle)
        job.finish(result)
    }
}
