//! The answers to ACME challenges while an order waits for validation: for TLS-ALPN-01 a
//! self-signed certificate carrying the key authorization's digest (RFC 8737), presented to a
//! handshake that offers `acme-tls/1` for the name; for HTTP-01 the key authorization, served
//! at `/.well-known/acme-challenge/TOKEN` on `--http-listen`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rcgen::{CertificateParams, CustomExtension, KeyPair};
use rustls::ServerConfig;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use rustls::sign::{CertifiedKey, SingleCertAndKey};

use crate::server::tls::hello::ACME_TLS_ALPN;

#[derive(Default)]
pub struct Challenges {
    tls_alpn: Mutex<HashMap<String, Arc<ServerConfig>>>,
    http: Mutex<HashMap<String, String>>,
}

impl Challenges {
    /// Answers TLS-ALPN-01 for `name` with the digest of its key authorization.
    pub fn add_tls_alpn(&self, name: &str, digest: &[u8]) -> Result<(), String> {
        let mut params = CertificateParams::new(vec![name.to_string()])
            .map_err(|e| format!("challenge certificate: {e}"))?;
        params
            .custom_extensions
            .push(CustomExtension::new_acme_identifier(digest));
        let key = KeyPair::generate().map_err(|e| format!("challenge key: {e}"))?;
        let cert = params
            .self_signed(&key)
            .map_err(|e| format!("challenge certificate: {e}"))?;
        let provider = rustls::crypto::ring::default_provider();
        let signing = provider
            .key_provider
            .load_private_key(PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
                key.serialize_der(),
            )))
            .map_err(|e| format!("challenge key: {e}"))?;
        let certified = CertifiedKey::new(vec![CertificateDer::from(cert.der().to_vec())], signing);
        // Served as is: rustls's own pair check would refuse the critical acmeIdentifier
        // extension, which only the validating CA needs to understand.
        let mut config = ServerConfig::builder_with_provider(Arc::new(provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(SingleCertAndKey::from(certified)));
        config.alpn_protocols = vec![ACME_TLS_ALPN.to_vec()];
        let config = Arc::new(config);
        lock(&self.tls_alpn).insert(name.to_string(), config);
        Ok(())
    }

    pub fn tls_alpn(&self, name: &str) -> Option<Arc<ServerConfig>> {
        lock(&self.tls_alpn).get(name).cloned()
    }

    pub fn add_http(&self, token: &str, key_authorization: &str) {
        lock(&self.http).insert(token.to_string(), key_authorization.to_string());
    }

    pub fn http(&self, token: &str) -> Option<String> {
        lock(&self.http).get(token).cloned()
    }

    /// Forgets the answers for `name` and `tokens` once their order is done.
    pub fn remove(&self, name: &str, tokens: &[String]) {
        lock(&self.tls_alpn).remove(name);
        let mut http = lock(&self.http);
        for t in tokens {
            http.remove(t);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
