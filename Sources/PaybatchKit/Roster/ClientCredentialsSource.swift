/// Finds the application's client id and secret for `/connect/sessions*` and `/auth/token`: the
/// id from `FINCH_CLIENT_ID` (or `client_id` in paybatch.toml), the secret from
/// `FINCH_CLIENT_SECRET`, else the store (`config set-client-secret --stdin`). Never from an
/// argument. The environment wins, as it wins over the config file elsewhere.
public enum ClientCredentialsSource {
    public static func resolve(
        clientID: String?, environment: [String: String], store: (any PaybatchStore)?
    ) async throws -> ClientCredentials {
        guard let clientID, !clientID.isEmpty else {
            throw RunStop(
                .configuration, "No Finch client id is configured.",
                remedy:
                    "Set FINCH_CLIENT_ID (or client_id in paybatch.toml) to the id of your Finch application."
            )
        }
        if let secret = environment["FINCH_CLIENT_SECRET"], !secret.isEmpty {
            return ClientCredentials(clientID: clientID, clientSecret: ClientSecret(secret))
        }
        if let stored = try await store?.clientSecret() {
            return ClientCredentials(clientID: clientID, clientSecret: stored)
        }
        throw RunStop(
            .configuration, "No Finch client secret is configured.",
            remedy:
                "Store it encrypted with `paybatch config set-client-secret --stdin` (paste it, then Ctrl-D), or set FINCH_CLIENT_SECRET."
        )
    }
}
