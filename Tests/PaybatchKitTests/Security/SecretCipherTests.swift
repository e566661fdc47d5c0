import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct SecretCipherTests {
    let ring: KeyRing
    let cipher: SecretCipher
    let here = SecretLocation(table: "secrets", column: "access_token", rowID: "conn_a")

    init() {
        ring = KeyRing(keys: [EncryptionKey.generate()], source: .file(path: "/k"))
        cipher = SecretCipher(ring: ring)
    }

    @Test func sealThenOpenRoundTrips() throws {
        let sealed = cipher.seal("tok_secret_value", at: here)
        #expect(sealed.kid == ring.active.kid)
        #expect(sealed.version == 1)
        #expect(try cipher.openText(sealed.bytes, at: here) == "tok_secret_value")
        #expect(!String(decoding: sealed.bytes, as: UTF8.self).contains("tok_secret_value"))
        // Two seals of one value differ (fresh nonce each time).
        #expect(cipher.seal("tok_secret_value", at: here).bytes != sealed.bytes)
    }

    @Test(arguments: [
        SecretLocation(table: "secrets", column: "access_token", rowID: "conn_b"),
        SecretLocation(table: "secrets", column: "client_secret", rowID: "conn_a"),
        SecretLocation(table: "responses", column: "access_token", rowID: "conn_a"),
    ])
    func aCiphertextMovedElsewhereDoesNotOpen(elsewhere: SecretLocation) {
        let sealed = cipher.seal("tok_secret_value", at: here)
        let failure = expectFailure(.noPermission) { _ = try cipher.open(sealed.bytes, at: elsewhere) }
        #expect(failure?.message.contains(elsewhere.description) == true)
        #expect(failure.map { "\($0)" }?.contains("tok_secret_value") == false)
    }

    @Test func associatedDataIsExactlyTheSpecForm() {
        let aad = here.associatedData(version: 1, kid: "a1b2c3d4")
        #expect(String(decoding: aad, as: UTF8.self) == "v1|a1b2c3d4|secrets|access_token|conn_a")
    }

    @Test func aWrongKeyWithTheSameKidIs77() throws {
        let sealed = cipher.seal("x", at: here)
        let impostorKey = EncryptionKey(kid: ring.active.kid, keyData: Data(repeating: 7, count: 32))!
        let impostor = SecretCipher(ring: KeyRing(keys: [impostorKey], source: .environment))
        expectFailure(.noPermission) { _ = try impostor.open(sealed.bytes, at: here) }
    }

    @Test func anUnknownKidIs77NamingItAndTheLineToLookFor() {
        let sealed = cipher.seal("x", at: here)
        let other = SecretCipher(
            ring: KeyRing(keys: [EncryptionKey.generate()], source: .file(path: "/other.key")))
        let failure = expectFailure(.noPermission) { _ = try other.open(sealed.bytes, at: here) }
        #expect(failure?.message.contains(ring.active.kid) == true)
        #expect(failure?.message.contains("/other.key") == true)
        #expect(failure?.remedy?.contains("`\(ring.active.kid):`") == true)
    }

    @Test func tamperedOrTruncatedCiphertextIs77() {
        var bytes = cipher.seal("x", at: here).bytes
        bytes[bytes.count - 1] ^= 1
        expectFailure(.noPermission) { _ = try cipher.open(bytes, at: here) }
        expectFailure(.noPermission) { _ = try cipher.open(Data([1, 8]), at: here) }
        expectFailure(.noPermission) { _ = try cipher.open(Data("plain".utf8), at: here) }
    }

    @Test func envelopeCarriesVersionAndKidReadableWithoutTheKey() throws {
        let sealed = cipher.seal("x", at: here)
        let parsed = try #require(CiphertextEnvelope(bytes: sealed.bytes))
        #expect(parsed == sealed)
        #expect(parsed.kid == ring.active.kid)
    }

    @Test func fingerprintIsSHA256HexOfTheToken() {
        // printf %s abc | sha256sum
        #expect(
            TokenFingerprint(of: AccessToken("abc")).hex
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
