//! The TLS handshake, observed rather than enforced: the handshake completes even with a bad
//! certificate, so one run can say everything that is wrong with it (expired, wrong host,
//! untrusted chain) instead of the first error a strict client stops at.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

/// What the server's leaf certificate says.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub issuer: String,
    /// Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
    /// DNS names and IP addresses the certificate is for (subjectAltName).
    pub names: Vec<String>,
    pub self_signed: bool,
}

/// A completed handshake and what the verifiers thought of it.
#[derive(Debug, Clone)]
pub struct Handshake {
    /// e.g. "TLS 1.3".
    pub version: String,
    pub leaf: Option<Certificate>,
    /// Certificates the server sent, leaf included.
    pub chain_len: usize,
    /// Why the platform's verifier (the one HTTPS clients use) rejects the chain, if it does.
    pub trust_error: Option<TrustError>,
    /// Why the certificate does not cover the host name, if it does not.
    pub name_error: Option<String>,
}

/// The platform verifier's objection, sorted by what a developer does about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrustError {
    Expired,
    NotYetValid,
    WrongName,
    UnknownIssuer,
    Other(String),
}

/// The system's trust store plus `extra_roots` (`--ca-cert`: an internal or test CA).
pub fn platform_verifier(
    extra_roots: &[CertificateDer<'static>],
) -> Result<rustls_platform_verifier::Verifier, String> {
    rustls_platform_verifier::Verifier::new_with_extra_roots(
        extra_roots.iter().cloned(),
        Arc::new(rustls::crypto::ring::default_provider()),
    )
    .map_err(|e| format!("cannot load the system's trusted certificates: {e}"))
}

/// A client configuration (TLS 1.2 and 1.3, ring) checking certificates with `verifier`.
pub fn client_config(
    verifier: Arc<dyn rustls::client::danger::ServerCertVerifier>,
) -> Result<ClientConfig, String> {
    Ok(
        ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS set-up: {e}"))?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth(),
    )
}

/// Completes a TLS handshake with `host` over `stream`, trusting the platform's roots and
/// `extra_roots`.
pub async fn handshake(
    stream: TcpStream,
    host: &str,
    extra_roots: &[CertificateDer<'static>],
    timeout: Duration,
) -> Result<Handshake, String> {
    let platform = platform_verifier(extra_roots)?;
    let recorder = Arc::new(Recording {
        inner: Arc::new(platform),
        outcome: Mutex::new(None),
    });
    let config = client_config(recorder.clone())?;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let name = ServerName::try_from(bare.to_string())
        .map_err(|_| format!("'{host}' is not a valid TLS server name"))?;
    let connector = TlsConnector::from(Arc::new(config));
    let tls = match tokio::time::timeout(timeout, connector.connect(name.clone(), stream)).await {
        Ok(Ok(tls)) => tls,
        Ok(Err(e)) => return Err(handshake_failure(&e)),
        Err(_) => {
            return Err(format!(
                "no TLS handshake within {}",
                humantime::format_duration(timeout)
            ));
        }
    };
    let (_, conn) = tls.get_ref();
    let version = match conn.protocol_version() {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3".to_string(),
        Some(rustls::ProtocolVersion::TLSv1_2) => "TLS 1.2".to_string(),
        Some(v) => format!("{v:?}"),
        None => "unknown".to_string(),
    };
    let chain: Vec<CertificateDer<'static>> = conn
        .peer_certificates()
        .unwrap_or_default()
        .iter()
        .map(|c| c.clone().into_owned())
        .collect();
    let leaf = chain.first().and_then(|der| parse(der));
    let name_error = chain.first().and_then(|der| {
        let cert = webpki::EndEntityCert::try_from(der).ok()?;
        cert.verify_is_valid_for_subject_name(&name).err().map(|_| {
            let names = leaf
                .as_ref()
                .map(|l| l.names.join(", "))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "no names".into());
            format!("the certificate is not valid for {host} (it is for {names})")
        })
    });
    let trust_error = recorder
        .outcome
        .lock()
        .ok()
        .and_then(|mut o| o.take())
        .and_then(Result::err);
    Ok(Handshake {
        version,
        leaf,
        chain_len: chain.len(),
        trust_error,
        name_error,
    })
}

/// A failed handshake in words a developer can act on.
pub fn handshake_failure(e: &std::io::Error) -> String {
    let text = e.to_string();
    let cause = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>());
    if let Some(rustls::Error::InvalidCertificate(c)) = cause
        && trust_error(c.clone()) == TrustError::UnknownIssuer
    {
        format!(
            "the certificate is not signed by a CA this machine trusts ({text}): pass your CA with --ca-cert FILE"
        )
    } else if text.contains("PeerIncompatible") || text.contains("ProtocolVersion") {
        format!("the server offers no TLS 1.2 or 1.3 ({text}): enable TLS 1.2 or later")
    } else if text.contains("InvalidContentType") || text.contains("corrupt message") {
        "the server did not answer with TLS: is this port serving plain http?".to_string()
    } else {
        format!("TLS handshake failed: {text}")
    }
}

fn parse(der: &CertificateDer<'_>) -> Option<Certificate> {
    let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref()).ok()?;
    let mut names = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for n in &san.value.general_names {
            match n {
                x509_parser::extensions::GeneralName::DNSName(d) => names.push(d.to_string()),
                x509_parser::extensions::GeneralName::IPAddress(ip) => {
                    let ip = match ip.len() {
                        4 => <[u8; 4]>::try_from(*ip).ok().map(std::net::IpAddr::from),
                        16 => <[u8; 16]>::try_from(*ip).ok().map(std::net::IpAddr::from),
                        _ => None,
                    };
                    names.extend(ip.map(|i| i.to_string()));
                }
                _ => {}
            }
        }
    }
    Some(Certificate {
        issuer: cert.issuer().to_string(),
        not_before: cert.validity().not_before.timestamp(),
        not_after: cert.validity().not_after.timestamp(),
        names,
        self_signed: cert.subject().as_raw() == cert.issuer().as_raw(),
    })
}

/// Asks the real verifier, writes its answer down, and lets the handshake go on.
#[derive(Debug)]
struct Recording {
    inner: Arc<dyn ServerCertVerifier>,
    outcome: Mutex<Option<Result<(), TrustError>>>,
}

/// What the verifier's certificate objection means for the developer.
fn trust_error(c: CertificateError) -> TrustError {
    match c {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => TrustError::Expired,
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            TrustError::NotYetValid
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            TrustError::WrongName
        }
        CertificateError::UnknownIssuer => TrustError::UnknownIssuer,
        other => TrustError::Other(format!("{other:?}")),
    }
}

impl ServerCertVerifier for Recording {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict = self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map(|_| ())
            .map_err(|e| match e {
                rustls::Error::InvalidCertificate(c) => trust_error(c),
                other => TrustError::Other(other.to_string()),
            });
        if let Ok(mut o) = self.outcome.lock() {
            *o = Some(verdict);
        }
        Ok(ServerCertVerified::assertion())
    }

    // The handshake signatures are still checked for real: a server must hold the key of the
    // certificate it shows, whatever we think of the certificate.
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}
