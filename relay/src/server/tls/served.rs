//! One certificate as the relay serves it: the rustls configuration that presents it, and the
//! dates and serial read from it (for renewal, `/healthz` and the expiry metric).

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rustls::ServerConfig;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

pub struct Served {
    pub config: Arc<ServerConfig>,
    pub not_before: SystemTime,
    pub not_after: SystemTime,
    /// The leaf's serial number in hex, as `openssl x509 -serial` shows it.
    pub serial: String,
}

/// The protocols offered to senders and tunnel clients.
pub fn web_alpn() -> Vec<Vec<u8>> {
    vec![b"h2".to_vec(), b"http/1.1".to_vec()]
}

/// A server configuration presenting `chain` with `key`, offering `alpn`.
pub fn server_config(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    alpn: Vec<Vec<u8>>,
) -> Result<Arc<ServerConfig>, String> {
    let mut config =
        ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|e| format!("the certificate and key do not make a usable pair: {e}"))?;
    config.alpn_protocols = alpn;
    Ok(Arc::new(config))
}

impl Served {
    /// From a PEM chain (leaf first) and a PEM private key.
    pub fn from_pem(chain: &[u8], key: &[u8]) -> Result<Served, String> {
        let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(chain)
            .collect::<Result<_, _>>()
            .map_err(|e| format!("not a PEM certificate chain: {e}"))?;
        let key = PrivateKeyDer::from_pem_slice(key)
            .map_err(|e| format!("not a PEM private key: {e}"))?;
        Served::new(chain, key)
    }

    pub fn new(
        chain: Vec<CertificateDer<'static>>,
        key: PrivateKeyDer<'static>,
    ) -> Result<Served, String> {
        let leaf = chain
            .first()
            .ok_or("holds no certificate: give a PEM file with BEGIN CERTIFICATE blocks")?;
        let (_, x509) = x509_parser::parse_x509_certificate(leaf)
            .map_err(|e| format!("the certificate cannot be read: {e}"))?;
        let time = |t: x509_parser::time::ASN1Time| {
            SystemTime::UNIX_EPOCH + Duration::from_secs(t.timestamp().max(0) as u64)
        };
        let not_before = time(x509.validity().not_before);
        let not_after = time(x509.validity().not_after);
        let serial = hex::encode_upper(x509.raw_serial());
        Ok(Served {
            config: server_config(chain, key, web_alpn())?,
            not_before,
            not_after,
            serial,
        })
    }

    /// When to renew: two thirds into the certificate's lifetime (30 days before the end of a
    /// 90-day certificate, as Let's Encrypt advises), so failures have a third to be retried.
    pub fn renew_at(&self) -> SystemTime {
        let life = self
            .not_after
            .duration_since(self.not_before)
            .unwrap_or_default();
        self.not_before + life.mul_f64(2.0 / 3.0)
    }

    /// Seconds since the epoch at which the certificate expires.
    pub fn expires_unix(&self) -> i64 {
        self.not_after
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}
