//! The layers under HTTP: does the name resolve, does the port answer, is TLS sound.

use std::time::Duration;

use anyhow::Result;
use rustls::pki_types::CertificateDer;

use super::check::Status;
use crate::probe::connect;
use crate::probe::tls::{self, TrustError};

/// Certificates expiring sooner than this warn: enough time to notice a renewal that failed.
const EXPIRY_WARNING_DAYS: i64 = 14;

pub async fn dns(host: &str, port: u16) -> Result<(Status, String)> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.parse::<std::net::IpAddr>().is_ok() {
        return Ok((Status::Pass, format!("{bare} is an IP address")));
    }
    Ok(match connect::resolve(host, port).await {
        Ok(addrs) => {
            let mut ips: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
            ips.dedup();
            (
                Status::Pass,
                format!("{host} resolves to {}", ips.join(", ")),
            )
        }
        Err(e) => (Status::Fail, e),
    })
}

pub async fn reachable(host: &str, port: u16, timeout: Duration) -> Result<(Status, String)> {
    let addrs = match connect::resolve(host, port).await {
        Ok(a) => a,
        Err(e) => return Ok((Status::Fail, e)),
    };
    Ok(match connect::connect(&addrs, timeout).await {
        Ok((_, addr)) => (Status::Pass, format!("TCP connection to {addr} accepted")),
        Err(e) => (Status::Fail, e),
    })
}

/// For https: certificate valid for the host, trusted, not expired (warn when close), TLS 1.2+.
/// Plain http warns, or fails with `require_https`.
pub async fn tls(
    url: &url::Url,
    timeout: Duration,
    extra_roots: &[CertificateDer<'static>],
    require_https: bool,
) -> Result<(Status, String)> {
    let host = url.host_str().unwrap_or_default();
    if url.scheme() == "http" {
        let status = if require_https {
            Status::Fail
        } else {
            Status::Warn
        };
        return Ok((
            status,
            "plain http: deliveries travel unencrypted and can be read or replayed on the way; serve the endpoint over https".into(),
        ));
    }
    let port = url.port_or_known_default().unwrap_or(443);
    let addrs = match connect::resolve(host, port).await {
        Ok(a) => a,
        Err(e) => return Ok((Status::Fail, e)),
    };
    let stream = match connect::connect(&addrs, timeout).await {
        Ok((s, _)) => s,
        Err(e) => return Ok((Status::Fail, e)),
    };
    let hs = match tls::handshake(stream, host, extra_roots, timeout).await {
        Ok(h) => h,
        Err(e) => return Ok((Status::Fail, e)),
    };
    Ok(judge(&hs, host, chrono::Utc::now().timestamp()))
}

/// Everything wrong with the handshake, worst first.
fn judge(hs: &tls::Handshake, host: &str, now: i64) -> (Status, String) {
    let Some(leaf) = &hs.leaf else {
        return (
            Status::Fail,
            format!("{}: the server sent no readable certificate", hs.version),
        );
    };
    let day = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| t.to_string())
    };
    let days_left = (leaf.not_after - now).div_euclid(86_400);
    let mut problems = Vec::new();
    if leaf.not_after < now {
        problems.push(format!(
            "the certificate expired on {} ({} days ago): renew it",
            day(leaf.not_after),
            -days_left
        ));
    } else if leaf.not_before > now {
        problems.push(format!(
            "the certificate is not valid before {}: check the server's clock or the certificate",
            day(leaf.not_before)
        ));
    }
    if let Some(e) = &hs.name_error {
        problems.push(e.clone());
    }
    match &hs.trust_error {
        Some(TrustError::UnknownIssuer) if leaf.self_signed => problems.push(
            "the certificate is self-signed, so providers will refuse it: use one from a public CA (e.g. Let's Encrypt)".into(),
        ),
        Some(TrustError::UnknownIssuer) => problems.push(format!(
            "the chain does not lead to a trusted CA (issuer: {}; the server sent {} certificate(s)): serve the intermediate certificates too",
            leaf.issuer, hs.chain_len
        )),
        Some(TrustError::Other(e)) => problems.push(format!("the certificate is not trusted: {e}")),
        // Expiry, validity and name were judged above from the certificate itself.
        Some(TrustError::Expired | TrustError::NotYetValid | TrustError::WrongName) | None => {}
    }
    if !problems.is_empty() {
        return (Status::Fail, format!("{host}: {}", problems.join("; ")));
    }
    if days_left < EXPIRY_WARNING_DAYS {
        return (
            Status::Warn,
            format!(
                "{}, but the certificate expires on {} (in {days_left} days): renew it now",
                hs.version,
                day(leaf.not_after)
            ),
        );
    }
    (
        Status::Pass,
        format!(
            "{}, certificate for {host} trusted, valid until {} ({days_left} days)",
            hs.version,
            day(leaf.not_after)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hs(not_before: i64, not_after: i64, trust: Option<TrustError>) -> tls::Handshake {
        tls::Handshake {
            version: "TLS 1.3".into(),
            leaf: Some(tls::Certificate {
                issuer: "CN=ca".into(),
                not_before,
                not_after,
                names: vec!["x.test".into()],
                self_signed: false,
            }),
            chain_len: 1,
            trust_error: trust,
            name_error: None,
        }
    }

    #[test]
    fn expiry_fails_when_past_and_warns_within_two_weeks() {
        let now = 1_700_000_000;
        let day = 86_400;
        assert_eq!(
            judge(&hs(now - day, now + 90 * day, None), "x.test", now).0,
            Status::Pass
        );
        let (s, d) = judge(&hs(now - day, now + 5 * day, None), "x.test", now);
        assert_eq!(s, Status::Warn);
        assert!(d.contains("in 5 days"), "{d}");
        let (s, d) = judge(
            &hs(now - 30 * day, now - 2 * day, Some(TrustError::Expired)),
            "x.test",
            now,
        );
        assert_eq!(s, Status::Fail);
        assert!(d.contains("expired") && d.contains("2 days ago"), "{d}");
        let (s, d) = judge(
            &hs(now - day, now + 90 * day, Some(TrustError::UnknownIssuer)),
            "x.test",
            now,
        );
        assert_eq!(s, Status::Fail);
        assert!(d.contains("intermediate"), "{d}");
    }
}
