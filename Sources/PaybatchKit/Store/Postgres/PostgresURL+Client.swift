import PostgresNIO

extension PostgresURL {
    /// The driver's configuration for this URL and password, `sslmode` read as libpq reads it:
    /// `require` encrypts without checking the certificate, `verify-ca` checks the chain,
    /// `verify-full` the host name too; over a Unix socket there is no TLS.
    public func clientConfiguration(password: PostgresPassword?) -> PostgresClient.Configuration {
        switch endpoint {
        case .socket:
            return PostgresClient.Configuration(
                unixSocketPath: socketPath!, username: user, password: password?.text, database: database)
        case .tcp(let host, let port):
            return PostgresClient.Configuration(
                host: host, port: port, username: user, password: password?.text, database: database,
                tls: tls)
        }
    }

    private var tls: PostgresClient.Configuration.TLS {
        var verified = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable: return .disable
        case .allow, .prefer:
            verified.certificateVerification = .none
            return .prefer(verified)
        case .require:
            verified.certificateVerification = .none
            return .require(verified)
        case .verifyCA:
            verified.certificateVerification = .noHostnameVerification
            return .require(verified)
        case .verifyFull: return .require(verified)
        }
    }
}
