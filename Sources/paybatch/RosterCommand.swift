import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch roster`: the connections paybatch exports, with their encrypted tokens.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import, add, list, refresh and disconnect the Finch connections paybatch exports.",
        discussion: """
            Example:
              paybatch roster import roster.csv
              paybatch roster list
            """,
        subcommands: [
            RosterImportCommand.self, RosterAddCommand.self, RosterListCommand.self,
            RosterRefreshCommand.self,
            RosterDisconnectCommand.self, RosterDisconnectEntityCommand.self,
        ])
}

extension CommandContext {
    /// The keys when PAYBATCH_KEY or PAYBATCH_KEY_FILE is set, else nil: commands that decrypt
    /// nothing (`roster list`, `status`, `backup`) work without them. A key that is set but
    /// wrong is still an error (77), so no command silently ignores a broken configuration.
    func optionalKeyRing() throws -> KeyRing? {
        do {
            return try keyRing()
        } catch KeyFailure.missingKey {
            return nil
        }
    }

    /// Opens the store read-only for commands that decrypt nothing.
    func openStoreForReading() throws -> SQLiteStore {
        try SQLiteStore.open(path: settings.databasePath, keys: try optionalKeyRing(), mode: .readOnly)
    }

    /// The client id and secret: the secret from FINCH_CLIENT_SECRET, else from the store.
    func clientCredentials(store: SQLiteStore?) throws -> ClientCredentials {
        try ClientCredentialsSource.resolve(
            clientID: settings.clientID, environment: environment, store: store)
    }

    /// The introspector of import and refresh; on a terminal it shows `introspect done/total`
    /// on stderr (SPEC §1: progress only when stderr is a terminal).
    func introspector(_ client: FinchClient) -> TokenIntrospector {
        TokenIntrospector(client: client, progress: console.progress("introspect"))
    }

    /// Runs `body` with a store opened for writing under the lock, and a Finch client whose calls
    /// land in the store's request log afterwards (even when `body` throws). Only the commands
    /// that enroll connections pass `creatingStore` (SPEC §2); the others need an existing store.
    func withWritableStore(
        creatingStore: Bool = false, _ body: (SQLiteStore, FinchClient) async throws -> ExitStatus
    ) async throws -> ExitStatus {
        try await withStoreLock(creatingStore: creatingStore) {
            let store = try openStore(creating: creatingStore)
            return try await withLoggedClient(store) { client in try await body(store, client) }
        }
    }

    /// Runs `body` with a Finch client whose calls land in `store`'s request log afterwards (even
    /// when `body` throws). The caller holds the store lock.
    func withLoggedClient<T>(_ store: SQLiteStore, _ body: (FinchClient) async throws -> T) async throws -> T
    {
        let log = FinchCallLog()
        let client = finchClient(observer: log)
        do {
            let value = try await body(client)
            try log.flush(to: store)
            return value
        } catch {
            try? log.flush(to: store)
            throw error
        }
    }
}
