import Foundation

extension SandboxEngine {
    /// `POST /jobs/automated`, `GET /jobs/automated` and `GET /jobs/automated/{job_id}` (API.md §9,
    /// §11): a forced `data_sync_all` per connection, two an hour in fixed windows, one at a time.
    func jobs(_ request: SandboxRequest, at t: Double) -> SandboxResponse {
        guard let token = SandboxEngine.bearer(request) else { return FinchError.noAuthentication }
        guard let access = access(token: token) else { return FinchError.invalidToken }
        if access.status == "reauth" { return FinchError.reauthenticate }
        if let refused = admit(bucket: "jobs", at: t) { return refused }
        let base = "http://\(request.headers["host"] ?? "sandbox.invalid")/jobs/automated/"
        switch (request.method, request.path) {
        case ("POST", "/jobs/automated"): return createJob(request, access, base: base, at: t)
        case ("GET", "/jobs/automated"): return listJobs(request, access, base: base, at: t)
        case ("GET", _):
            let id = String(request.path.dropFirst("/jobs/automated/".count))
            let job = state.with { s in
                s.jobs.first { $0.id == id && $0.connectionID == access.connection.connectionID }
            }
            guard let job else { return FinchError.body(404, "not_found_error", nil, "Job not found") }
            return .json(200, jobJSON(job, base: base, at: t))
        default: return FinchError.routeNotFound
        }
    }

    private func createJob(
        _ request: SandboxRequest, _ access: ConnectionAccess, base: String, at t: Double
    ) -> SandboxResponse {
        guard JSONReader.object(request.body)?["type"] as? String == "data_sync_all" else {
            return FinchError.badRequest("type must be data_sync_all")
        }
        let connection = access.connection
        if connection.isAssisted {
            return FinchError.body(
                400, "invalid_request_error", nil, "cannot create automated job for Assisted Connect token")
        }
        let allowed = SandboxJob.allowedPerHour
        let hour = Int((t / 3600).rounded(.down))
        let retryAt = JSONValue.string(
            SandboxEngine.iso(Date(timeIntervalSince1970: Double(hour + 1) * 3600)))
        return state.with { s -> SandboxResponse in
            let id = connection.connectionID
            var window =
                s.refreshWindows[id].flatMap { $0.hour == hour ? $0 : nil } ?? .init(hour: hour, used: 0)
            func quota(_ job: SandboxJob?) -> JSONValue {
                var pairs: [(String, JSONValue)] = []
                if let job { pairs += [("job_id", .string(job.id)), ("job_url", .string(base + job.id))] }
                pairs += [
                    ("allowed_refreshes", .int(allowed)),
                    ("remaining_refreshes", .int(allowed - window.used)),
                ]
                if window.used >= allowed { pairs.append(("retry_at", retryAt)) }
                return .object(pairs)
            }
            if let running = s.jobs.last(where: { $0.connectionID == id }),
                running.isRunning(at: t, duration: options.jobSeconds)
            {
                return .json(202, quota(running))
            }
            guard window.used < allowed else { return .json(429, quota(nil)) }
            let count = s.jobs.lazy.filter { $0.connectionID == id }.count
            let job = SandboxJob(
                id: hash.uuid("job", id, String(count)), connectionID: id, createdAt: t,
                outcome: connection.refreshOutcome)
            s.jobs.append(job)
            window.used += 1
            s.refreshWindows[id] = window
            return .json(200, quota(job))
        }
    }

    private func listJobs(
        _ request: SandboxRequest, _ access: ConnectionAccess, base: String, at t: Double
    ) -> SandboxResponse {
        let id = access.connection.connectionID
        let hour = Int((t / 3600).rounded(.down))
        let (jobs, used) = state.with { s in
            (
                s.jobs.filter { $0.connectionID == id }.reversed(),
                s.refreshWindows[id].flatMap { $0.hour == hour ? $0.used : nil } ?? 0
            )
        }
        let offset = max(0, request.queryValue("offset").flatMap { Int($0) } ?? 0)
        let limit = max(0, request.queryValue("limit").flatMap { Int($0) } ?? 100)
        let page = jobs.dropFirst(offset).prefix(limit).map { jobJSON($0, base: base, at: t) }
        let quota: JSONValue = .object([
            ("allowed_refreshes", .int(SandboxJob.allowedPerHour)),
            ("remaining_refreshes", .int(SandboxJob.allowedPerHour - used)),
        ])
        return .json(
            200,
            .object([
                ("data", .array(Array(page))),
                ("meta", .object([("quotas", .object([("data_sync_all", quota)]))])),
            ]))
    }

    /// `AutomatedAsyncJob` (API.md §11).
    private func jobJSON(_ job: SandboxJob, base: String, at t: Double) -> JSONValue {
        let duration = options.jobSeconds
        let status = job.status(at: t, duration: duration)
        func time(_ seconds: Double?) -> JSONValue {
            .string(seconds.map { SandboxEngine.iso(Date(timeIntervalSince1970: $0)) })
        }
        let ended = status != "pending" && status != "in_progress"
        return .object([
            ("job_id", .string(job.id)), ("job_url", .string(base + job.id)),
            ("type", .string("data_sync_all")),
            ("status", .string(status)), ("created_at", time(job.createdAt)), ("scheduled_at", .null),
            ("started_at", time(status == "pending" ? nil : job.startedAt(duration: duration))),
            ("completed_at", time(ended ? job.completedAt(duration: duration) : nil)), ("params", .null),
        ])
    }
}
