//! What a client's TLS hello asked for, as the certificate is chosen by it.

/// The ALPN protocol of an ACME TLS-ALPN-01 validation (RFC 8737).
pub const ACME_TLS_ALPN: &[u8] = b"acme-tls/1";

/// What a client's hello asked for.
pub struct Hello {
    /// The server name (SNI), lower-cased; none for a client that sent no name.
    pub name: Option<String>,
    /// An ACME server validating a TLS-ALPN-01 challenge.
    pub acme_challenge: bool,
}
