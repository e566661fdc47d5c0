/// Where each of a store's ciphertexts lives, named by natural keys only (a connection id,
/// `application`, a stored answer's run, connection and request key), never by a row id a
/// backend assigns: the associated data is then the same in SQLite and in PostgreSQL, so a
/// ciphertext copied from one to the other still decrypts, and one moved to another row does not.
enum StoredSecret {
    /// The secrets table's kinds and the client secret's owner.
    static let accessTokenKind = "access_token"
    static let clientSecretKind = "client_secret"
    static let applicationOwner = "application"

    /// A row of the secrets table: `v1|kid|secrets|<kind>|<owner>`.
    static func location(kind: String, owner: String) -> SecretLocation {
        SecretLocation(table: "secrets", column: kind, rowID: owner)
    }

    /// A stored answer's body: `v1|kid|responses|body|<run>/<connection>/<request key>`.
    static func location(of response: StoredResponse) -> SecretLocation {
        SecretLocation(table: "responses", column: "body", rowID: response.secretRowID)
    }
}

extension SecretCipher {
    /// The first key id in use (bytewise) that the ring does not hold, as the 77 that names it:
    /// what opening a store checks before reading a row under each key.
    func requireKnown(_ kids: some Sequence<String>) throws(KeyFailure) {
        for kid in kids.sorted() where ring.key(for: kid) == nil {
            throw .unknownKid(kid: kid, configured: ring.kids, source: ring.source.description)
        }
    }
}
