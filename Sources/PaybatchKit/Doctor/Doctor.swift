import Foundation

/// `paybatch doctor`: the key, the store (schema version, integrity), the output folder, the base
/// URL, and one `/introspect` per connection (or a sample), each problem in one plain line with its
/// fix. Checks after a failed one still run when they can, so one run shows every problem.
public struct Doctor: Sendable {
    public let settings: Settings
    public let environment: [String: String]
    public let client: FinchClient
    /// How many connections to introspect; nil for all.
    public let sample: Int?

    public init(settings: Settings, environment: [String: String], client: FinchClient, sample: Int?) {
        self.settings = settings
        self.environment = environment
        self.client = client
        self.sample = sample
    }

    /// Opens the store read-only, taking no lock, with the keys given, and runs the body on it
    /// (the command's `withStore`): doctor only reads.
    public typealias StoreAccess = (KeyRing, (any PaybatchStore) async throws -> Void) async throws -> Void

    public func run(keys loadKeys: () throws -> KeyRing, store readStore: StoreAccess) async -> DoctorReport {
        var checks: [DoctorCheck] = []
        var ring: KeyRing?
        do {
            let loaded = try loadKeys()
            ring = loaded
            let warning = loaded.source.filePath.flatMap(KeyFile.permissionWarning(for:))
            checks.append(
                DoctorCheck(
                    name: "key", failure: warning == nil ? nil : .noPermission,
                    detail: warning ?? "active key \(loaded.active.kid) from \(loaded.source)",
                    fix: warning == nil ? nil : "Make the key file readable by its owner only."))
        } catch let failure as any PaybatchFailure {
            checks.append(.failed("key", failure))
        } catch {
            checks.append(DoctorCheck(name: "key", failure: .software, detail: "\(error)", fix: nil))
        }
        var connections: [(ConnectionRecord, AccessToken)] = []
        if let ring {
            checks.append(await storeCheck(ring, readStore, connections: &connections))
        }
        checks.append(outputFolderCheck())
        let reachable = await baseURLCheck(token: connections.first?.1)
        checks.append(reachable)
        // Without Finch, every introspect would only wait out its retries.
        guard reachable.failure == nil else { return DoctorReport(checks: checks) }
        let chosen = sample.map { Array(connections.prefix($0)) } ?? connections
        for (record, token) in chosen { checks.append(await introspectCheck(record, token)) }
        return DoctorReport(checks: checks)
    }

    private func storeCheck(
        _ ring: KeyRing, _ readStore: StoreAccess, connections: inout [(ConnectionRecord, AccessToken)]
    ) async -> DoctorCheck {
        var check = DoctorCheck(name: "store", failure: .software, detail: "the store was not read", fix: nil)
        var live: [(ConnectionRecord, AccessToken)] = []
        do {
            try await readStore(ring) { store in
                let version = try await store.schemaVersion()
                let integrity: String
                if let sqlite = store as? SQLiteStoreActor {
                    if let problem = try await sqlite.withSQLite(Self.sqliteProblem) {
                        check = problem
                        return
                    }
                    integrity = "integrity ok"
                } else {
                    integrity = "integrity is PostgreSQL's own to keep"
                }
                for record in try await store.connections(includingDisconnected: false) {
                    live.append((record, try await store.decryptAccessToken(for: record.connectionID)))
                }
                check = .passed(
                    "store",
                    "\(store.place): schema version \(version) of \(StoreSchema.latestVersion), \(integrity), "
                        + "\(live.count) live connections")
            }
        } catch let failure as any PaybatchFailure {
            return .failed("store", failure)
        } catch {
            return DoctorCheck(name: "store", failure: .software, detail: "\(error)", fix: nil)
        }
        connections = live
        return check
    }

    /// What only a SQLite file can be asked: SQLite's integrity check, and `created_at` values
    /// that are not times (a PostgreSQL column is typed); nil when both are fine.
    private static func sqliteProblem(_ store: SQLiteStore) throws -> DoctorCheck? {
        guard try store.isIntact() else {
            return DoctorCheck(
                name: "store", failure: .dataError,
                detail: "\(store.database.path) fails SQLite's integrity check",
                fix: "Restore it from a `paybatch backup` copy.")
        }
        let unreadable = try CreatedAtMigration.unreadable(in: store.database)
        guard unreadable.isEmpty else {
            return DoctorCheck(
                name: "store", failure: .dataError,
                detail: "created_at that is not a time: "
                    + unreadable.map { "\($0.connection) `\($0.text)`" }.joined(separator: ", "),
                fix:
                    "Import those connections again with created_at written as \(UTCTimestamp.acceptedForms)."
            )
        }
        return nil
    }

    /// Doctor writes nothing it was not asked for: a missing folder passes when it can be made.
    private func outputFolderCheck() -> DoctorCheck {
        let path = settings.outputFolder
        if let failure = OutputFolderCheck.failure(for: path, mode: settings.outputMode) {
            return .failed("output folder", failure)
        }
        let exists = FileManager.default.fileExists(atPath: path)
        return .passed(
            "output folder",
            exists ? "\(path) is writable" : "\(path) does not exist yet; the first export creates it")
    }

    /// Reachability of Finch: any HTTP answer will do; no answer at all is exit 69.
    private func baseURLCheck(token: AccessToken?) async -> DoctorCheck {
        do {
            _ = try await client.send(.providers, .bearer(token ?? AccessToken("doctor-probe")))
            return .passed("base URL", "\(settings.baseURL) answers")
        } catch let failure as FinchFailure where failure.httpStatus != nil {
            return .passed("base URL", "\(settings.baseURL) answers (HTTP \(failure.httpStatus!))")
        } catch {
            return DoctorCheck(
                name: "base URL", failure: .unavailable,
                detail: "\(settings.baseURL) does not answer: \(error)",
                fix: "Check FINCH_BASE_URL (or base_url in paybatch.toml), the network and proxy settings.")
        }
    }

    private func introspectCheck(_ record: ConnectionRecord, _ token: AccessToken) async -> DoctorCheck {
        let name = "connection \(record.connectionID) (\(record.customerID))"
        do {
            let introspection = try await client.introspect(token, connectionID: record.connectionID)
            let status = introspection.connectionStatus?.status?.rawValue ?? "unknown"
            guard status != "reauth" else {
                return DoctorCheck(
                    name: name, failure: .partial, detail: "needs reauthentication",
                    fix: "Run `paybatch reauth \(record.connectionID)` and send the employer the link.")
            }
            return .passed(name, "introspect says \(status)")
        } catch let failure as FinchFailure {
            return DoctorCheck(
                name: name, failure: failure.failureClass.runExitStatus ?? .partial,
                detail: failure.description,
                fix: failure.failureClass.remedy)
        } catch let failure as any PaybatchFailure {
            return .failed(name, failure)
        } catch {
            return DoctorCheck(name: name, failure: .software, detail: "\(error)", fix: nil)
        }
    }
}

extension KeyRing.Source {
    var filePath: String? {
        if case .file(let path) = self { return path }
        return nil
    }
}
