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
    /// The client id and secret: the secret from FINCH_CLIENT_SECRET, else from the store.
    func clientCredentials(store: (any PaybatchStore)?) async throws -> ClientCredentials {
        try await ClientCredentialsSource.resolve(
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
        creatingStore: Bool = false, _ body: (any PaybatchStore, FinchClient) async throws -> ExitStatus
    ) async throws -> ExitStatus {
        try await withStore(creating: creatingStore, lock: .exclusive) { store in
            try await withLoggedClient(store) { client in try await body(store, client) }
        }
    }

    /// Runs `body` with a Finch client whose calls land in `store`'s request log afterwards (even
    /// when `body` throws). The caller holds the store lock.
    func withLoggedClient<T>(
        _ store: any PaybatchStore, _ body: (FinchClient) async throws -> T
    ) async throws -> T {
        let log = FinchCallLog()
        let client = finchClient(observer: log)
        do {
            let value = try await body(client)
            try await log.flush(to: store)
            return value
        } catch {
            try? await log.flush(to: store)
            throw error
        }
    }
}
