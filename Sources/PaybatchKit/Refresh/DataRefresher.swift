import Foundation

/// `paybatch refresh`: asks Finch for a `data_sync_all` job per live connection (API.md §9, §11)
/// and, with a wait, follows the jobs until they end. It never exceeds the quota Finch gave: a
/// connection whose stored quota is spent until a `retry_at` still ahead is not asked. Assisted
/// connections are skipped (Finch refuses them). Each request and each job's progress is stored
/// as it happens (`refresh_jobs`), for `status` and for the next refresh's quota.
public struct DataRefresher {
    public let store: any PaybatchStore
    public let client: FinchClient
    public let clock: any PaybatchClock
    public let wallClock: any WallClock

    public init(
        store: any PaybatchStore, client: FinchClient, clock: any PaybatchClock, wallClock: any WallClock
    ) {
        self.store = store
        self.client = client
        self.clock = clock
        self.wallClock = wallClock
    }

    /// Remedies of the job statuses a person must act on.
    static let remedies: [RefreshJobStatus: String] = [
        .reauthError:
            "The employer must reauthenticate: run `paybatch reauth CONNECTION_ID` and send them the link.",
        .permissionsError:
            "The provider account Finch uses lacks permissions: ask the employer to grant them, then refresh again.",
    ]

    public func run(_ options: RefreshOptions) async throws -> RefreshReport {
        let connections = try await selected(options.only)
        let stored = Dictionary(
            try await store.latestRefreshJobs().map { ($0.connectionID, $0) }, uniquingKeysWith: { $1 })
        var entries: [RefreshReport.Entry] = []
        var tokens: [ConnectionID: AccessToken] = [:]
        for connection in connections {
            let id = connection.connectionID
            var entry = RefreshReport.Entry(
                customerID: connection.customerID,
                job: RefreshJobRecord(connectionID: id, requestedAt: wallClock.now(), status: .pending))
            if connection.details.assisted == true {
                entry.job.status = .assisted
                entry.job.message =
                    "assisted connections are not refreshed on demand (Finch refuses them); they sync every 7 days"
            } else if let last = stored[id], last.quotaSpent(at: entry.job.requestedAt) {
                entry.job.allowedRefreshes = last.allowedRefreshes
                entry.job.remainingRefreshes = 0
                entry.job.retryAt = last.retryAt
                if last.status.isRunning, let job = last.jobID {
                    // The job that spent the quota may still run: followed, as Finch's 202 would say.
                    entry.job.jobID = job
                    entry.job.status = last.status
                    entry.job.message =
                        "not asked (quota spent until \(last.retryAt ?? "?")): its running job is followed"
                    tokens[id] = try await store.decryptAccessToken(for: id)
                } else {
                    entry.job.status = .quotaSpent
                    entry.job.message =
                        "not asked: the quota Finch gave is spent until \(last.retryAt ?? "?")"
                }
            } else {
                let token = try await store.decryptAccessToken(for: id)
                tokens[id] = token
                try await start(&entry, token: token)
            }
            entry.job.refreshID = try await store.saveRefreshJob(entry.job)
            entries.append(entry)
        }
        if let wait = options.wait {
            try await follow(&entries, tokens: tokens, options: options, until: clock.now() + wait)
        }
        return RefreshReport(entries: entries, waited: options.wait != nil)
    }

    /// The live connections `only` names (customer or connection ids), every one when empty; an
    /// id that names none is a usage error. No live connection at all is a configuration problem
    /// (SPEC §2: 78), as for `export`: a cron job pointed at the wrong store is not a success.
    private func selected(_ only: [String]) async throws -> [ConnectionRecord] {
        let all = try await store.connections(includingDisconnected: false)
        guard !all.isEmpty else {
            throw RunStop(
                .configuration,
                "The store \(store.place) has no live connection: there is nothing to refresh.",
                remedy: "Import the roster with `paybatch roster import FILE`, or check --db / PAYBATCH_DB.")
        }
        guard !only.isEmpty else { return all }
        let chosen = all.filter {
            only.contains($0.connectionID.rawValue) || only.contains($0.customerID.rawValue)
        }
        let unknown = only.filter { id in
            !all.contains { $0.connectionID.rawValue == id || $0.customerID.rawValue == id }
        }
        guard unknown.isEmpty else {
            throw RunStop(
                .usage, "--only names no live connection or customer: \(unknown.joined(separator: ", ")).",
                remedy: "List them with `paybatch roster list`.")
        }
        return chosen
    }

    /// `POST /jobs/automated` for one connection, recorded into `entry`. Throws only what stops
    /// the whole command (`FinchRunStop`, a cancellation).
    private func start(_ entry: inout RefreshReport.Entry, token: AccessToken) async throws {
        do {
            let start = try await client.startDataSync(token, connectionID: entry.job.connectionID)
            let answer = start.answer
            entry.job.jobID = answer.jobID
            entry.job.allowedRefreshes = answer.allowedRefreshes
            entry.job.remainingRefreshes = answer.remainingRefreshes
            entry.job.retryAt = answer.retryAt
            entry.job.requestID = start.requestID
            switch start {
            case .started: break
            case .alreadyRunning: entry.job.message = "a job was already running: followed, no quota used"
            case .quotaSpent:
                entry.job.status = .quotaSpent
                entry.job.remainingRefreshes = 0
                entry.job.message = "Finch's quota is spent until \(answer.retryAt ?? "later")"
            }
        } catch let failure as FinchFailure {
            entry.job.requestID = failure.requestID
            entry.job.message = "\(failure)"
            // API.md §9: 400 "cannot create automated job for Assisted Connect token", for a
            // connection the roster did not know to be assisted.
            if failure.httpStatus == 400, failure.message.localizedCaseInsensitiveContains("assisted") {
                entry.job.status = .assisted
            } else {
                entry.job.status = .failed
                entry.transient = failure.failureClass.retryable
                entry.remedy = failure.failureClass.remedy
            }
        }
        if let remedy = Self.remedies[entry.job.status] { entry.remedy = remedy }
    }

    /// Reads each running job again, pausing longer each time, until none runs or `deadline`.
    private func follow(
        _ entries: inout [RefreshReport.Entry], tokens: [ConnectionID: AccessToken], options: RefreshOptions,
        until deadline: Duration
    ) async throws {
        var pause = options.firstPoll
        while entries.contains(where: { $0.job.status.isRunning && $0.job.jobID != nil }) {
            let now = clock.now()
            guard now < deadline else { return }
            try await clock.sleep(until: min(now + pause, deadline))
            pause = min(pause * 2, options.longestPoll)
            for index in entries.indices {
                let job = entries[index].job
                guard job.status.isRunning, let jobID = job.jobID, let token = tokens[job.connectionID] else {
                    continue
                }
                // Many connections' readings wait on the jobs bucket (20 a minute): a round may end
                // past the deadline by one pause at most, and the jobs it did not read still run.
                guard clock.now() < deadline + options.longestPoll else { return }
                do {
                    let answer = try await client.automatedJob(
                        token, jobID: jobID, connectionID: job.connectionID)
                    entries[index].job.status =
                        answer.status.map(RefreshJobStatus.init(rawValue:)) ?? job.status
                } catch let failure as FinchFailure where !failure.failureClass.retryable {
                    entries[index].job.status = .failed
                    entries[index].job.message = "\(failure)"
                    entries[index].remedy = failure.failureClass.remedy
                } catch let failure as FinchFailure {
                    // A transient failure: the job is read again at the next pause.
                    entries[index].job.message = "\(failure)"
                }
                if let remedy = Self.remedies[entries[index].job.status] { entries[index].remedy = remedy }
                entries[index].job.updatedAt = wallClock.now()
                try await store.saveRefreshJob(entries[index].job)
            }
        }
    }
}
