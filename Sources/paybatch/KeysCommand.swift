import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch keys`: the key that encrypts tokens, the client secret and stored responses.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, rotate and inspect the encryption key of the store.",
        subcommands: [Init.self, Rotate.self, Status.self])

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new 256-bit key in a file of mode 0600.",
            discussion: """
                The file is never overwritten. Back it up apart from the store: without it, the \
                store's tokens cannot be read.

                Example:
                  paybatch keys init --key-file /etc/paybatch/paybatch.key
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Where to write the key (default ./paybatch.key).") var keyFile = "paybatch.key"

        func run() async throws {
            try await reportingFailures {
                let created = try KeyFile.create(at: keyFile)
                Console().out(created.instructions)
                return .ok
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a new key and re-encrypt every secret under it; or retire an old key.",
            discussion: """
                Needs PAYBATCH_KEY_FILE. The new key goes first in the file; tokens and the client \
                secret are re-encrypted in one transaction, stored responses in batches. The old key \
                stays readable until --retire removes it, which is refused while any row uses it.

                Example:
                  PAYBATCH_KEY_FILE=paybatch.key paybatch keys rotate
                  PAYBATCH_KEY_FILE=paybatch.key paybatch keys rotate --retire 1a2b3c4d
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Remove this key id from the key file once nothing uses it.") var retire: String?

        func run() async throws {
            try await withContext(global) { context in
                try await context.withStore(lock: .exclusive) { store in
                    if let retire {
                        try await KeyRotation.retire(retire, store: store, environment: context.environment)
                        context.console.out("Retired key \(retire).")
                    } else {
                        let outcome = try await KeyRotation.rotate(
                            store: store, environment: context.environment)
                        context.console.out(
                            "New active key \(outcome.newKid); re-encrypted \(outcome.secretsReencrypted) secrets "
                                + "and \(outcome.responsesReencrypted) stored responses. Retire the old key with "
                                + "`paybatch keys rotate --retire \(outcome.previousKids.first ?? "KID")` once backups "
                                + "no longer need it.")
                    }
                    return .ok
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the key ids configured and in use, and how many rows each encrypts.",
            discussion: "Example:\n  paybatch keys status")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await withContext(global) { context in
                let ring = try context.keyRing()
                return try await context.withStore(mode: .readOnly, keys: .ring(ring)) { store in
                    for line in try await KeyStatusReport.make(store: store, ring: ring).lines {
                        context.console.out(line)
                    }
                    return .ok
                }
            }
        }
    }
}
