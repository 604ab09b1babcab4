//! Email alerts over SMTP (lettre): STARTTLS on smtp:// (required once a password is sent),
//! implicit TLS on smtps://, a subject to triage from and a plain-text body with the numbers.

use std::str::FromStr;

use anyhow::Result;
use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::model::{Alert, Channel, Outcome, POLICY, Post, report_failed_attempt};
use crate::bail_usage;
use crate::cmd::monitor::state::Health;
use crate::retry::{Attempt, with_backoff};

/// The SMTP server alerts go through, and as whom.
#[derive(Clone)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    /// smtps://: TLS from the first byte; else STARTTLS.
    pub implicit_tls: bool,
    pub user: Option<String>,
    pub password: Option<String>,
    pub from: Mailbox,
    /// Extra CA certificates (DER) to trust for the server's TLS.
    pub roots: Vec<Vec<u8>>,
}

/// An `--smtp` URL taken apart.
#[derive(Debug, PartialEq, Eq)]
pub struct SmtpUrl {
    pub host: String,
    pub port: u16,
    pub implicit_tls: bool,
    pub user: Option<String>,
    pub password: Option<String>,
}

const URL_FORM: &str =
    "smtp://[user:pass@]host:port (STARTTLS) or smtps://[user:pass@]host:port (TLS)";

/// Reads `smtp://[user:pass@]host[:port]` or `smtps://…`; errors are usage errors that never
/// repeat a password.
pub fn parse_url(text: &str, flag: &str) -> Result<SmtpUrl> {
    let Ok(url) = url::Url::parse(text) else {
        bail_usage!("{flag} is not a URL: give {URL_FORM}");
    };
    let implicit_tls = match url.scheme() {
        "smtp" => false,
        "smtps" => true,
        other => bail_usage!("{flag} scheme '{other}' is not supported: give {URL_FORM}"),
    };
    let Some(host) = url.host_str().filter(|h| !h.is_empty()) else {
        bail_usage!("{flag} names no host: give {URL_FORM}");
    };
    if url.path().len() > 1 || url.query().is_some() {
        bail_usage!("{flag} takes no path or query: give {URL_FORM}");
    }
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    Ok(SmtpUrl {
        // An IPv6 host comes bracketed; the socket wants it bare.
        host: host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        // Submission (587) with STARTTLS, or submissions (465) with TLS (RFC 8314).
        port: url.port().unwrap_or(if implicit_tls { 465 } else { 587 }),
        implicit_tls,
        user: Some(decode(url.username())).filter(|u| !u.is_empty()),
        password: url.password().map(decode),
    })
}

/// An email address, as `--alert email:` and `--smtp-from` take it.
pub fn address(text: &str) -> std::result::Result<Address, String> {
    Address::from_str(text)
        .map_err(|_| "not an email address: give one like oncall@example.com".to_string())
}

/// The sender: `oncall@example.com` or `hookctl <oncall@example.com>`.
pub fn mailbox(text: &str) -> std::result::Result<Mailbox, String> {
    Mailbox::from_str(text).map_err(|_| {
        format!("'{text}' is not an email address: give one like alerts@example.com or 'hookctl <alerts@example.com>'")
    })
}

/// "DOWN: https://api.example.com/webhooks — 3 failed probes".
pub fn subject(a: &Alert) -> String {
    let what = if a.endpoint == a.url {
        a.url.clone()
    } else {
        format!("{} ({})", a.endpoint, a.url)
    };
    format!("{}: {what} — {}", a.headline(), a.reason())
}

/// The plain-text body: the state, the failures, the last error and latency, the time.
pub fn body(a: &Alert) -> String {
    let ms = |v: Option<f64>| v.map_or_else(|| "none (no answer)".into(), |m| format!("{m:.0} ms"));
    let mut lines = vec![
        format!(
            "{} is {} (was {}).",
            a.endpoint,
            a.change.to.as_str(),
            a.change.from.as_str()
        ),
        String::new(),
        format!("Endpoint:       {}", a.endpoint),
        format!("URL:            {}", a.url),
        format!(
            "State:          {} (was {})",
            a.change.to.as_str(),
            a.change.from.as_str()
        ),
    ];
    if let Some(d) = a.lasted() {
        lines.push(format!(
            "{:<16}{d}",
            format!("{} for:", cap(a.change.from.as_str()))
        ));
    }
    if a.change.to != Health::Up {
        lines.push(format!("Failed probes:  {} in a row", a.failures));
    }
    let last = if a.change.to == Health::Down {
        "Last error:"
    } else {
        "Last answer:"
    };
    lines.push(format!("{last:<16}{}", a.detail));
    lines.push(format!("Last latency:   {}", ms(a.last_ms)));
    lines.push(format!(
        "Availability:   {:.1}% over the last {} probes",
        a.availability * 100.0,
        a.window
    ));
    lines.push(format!("p95 latency:    {}", ms(a.p95_ms)));
    lines.push(format!(
        "Time:           {}",
        a.at.format("%Y-%m-%d %H:%M:%S UTC")
    ));
    lines.push(String::new());
    lines.push("Sent by hookctl monitor.".into());
    lines.join("\n") + "\n"
}

fn cap(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The transport for one alert: TLS as the URL says, the extra CAs trusted.
fn transport(
    smtp: &Smtp,
    timeout: std::time::Duration,
) -> Result<AsyncSmtpTransport<Tokio1Executor>> {
    let mut tls = TlsParameters::builder(smtp.host.clone());
    for der in &smtp.roots {
        tls = tls.add_root_certificate(Certificate::from_der(der.clone())?);
    }
    let tls = tls.build_rustls()?;
    let mode = if smtp.implicit_tls {
        Tls::Wrapper(tls)
    } else if smtp.password.is_some() {
        // A password never crosses in the clear: a server that offers no STARTTLS is refused.
        Tls::Required(tls)
    } else {
        Tls::Opportunistic(tls)
    };
    let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(smtp.host.clone())
        .port(smtp.port)
        .tls(mode)
        .timeout(Some(timeout));
    if let Some(user) = &smtp.user {
        b = b.credentials(Credentials::new(
            user.clone(),
            smtp.password.clone().unwrap_or_default(),
        ));
    }
    Ok(b.build())
}

/// Sends the message, retrying what the server or the network may get right on another try
/// (4xx replies, refused or dropped connections); a 5xx reply is final.
pub async fn send(smtp: &Smtp, post: &Post, channel: &Channel, alert: &Alert) -> Result<Outcome> {
    let to: Mailbox = address(&channel.target).map_err(anyhow::Error::msg)?.into();
    let message = Message::builder()
        .from(smtp.from.clone())
        .to(to)
        .subject(subject(alert))
        .header(ContentType::TEXT_PLAIN)
        .body(body(alert))?;
    let transport = transport(smtp, post.timeout)?;
    let outcomes = with_backoff(POLICY, |attempt, retries_left, _| {
        let (transport, message) = (&transport, message.clone());
        async move {
            match transport.send(message).await {
                Ok(r) => Ok(Attempt::Done(Ok(format!(
                    "{} {}",
                    r.code(),
                    r.message().collect::<Vec<_>>().join(" ")
                )))),
                Err(e) => {
                    let why = e.to_string();
                    // A 4xx reply, a refused, dropped or timed-out connection may pass next
                    // time; a 5xx, a TLS failure or a server that cannot take our login won't.
                    let again = e.is_transient()
                        || !(e.is_permanent() || e.is_tls() || e.is_client() || e.is_response());
                    report_failed_attempt(channel, alert, attempt, again && retries_left, &why);
                    Ok(if again {
                        Attempt::Again(Err(why), None)
                    } else {
                        Attempt::Done(Err(why))
                    })
                }
            }
        }
    })
    .await?;
    let attempts = outcomes.len() as u32;
    Ok(match outcomes.into_iter().last() {
        Some(Ok(said)) => Outcome {
            delivered: true,
            detail: said,
            attempts,
        },
        Some(Err(why)) => Outcome {
            delivered: false,
            detail: why,
            attempts,
        },
        None => Outcome {
            delivered: false,
            detail: "not sent".into(),
            attempts,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::monitor::alert::tests::alert;
    use crate::cmd::monitor::state::Change;

    #[test]
    fn smtp_urls_give_host_port_tls_and_credentials() {
        let u = parse_url(
            "smtp://alerts%40x.com:p%40ss@mail.example.com:2525",
            "--smtp",
        )
        .unwrap();
        assert_eq!(
            u,
            SmtpUrl {
                host: "mail.example.com".into(),
                port: 2525,
                implicit_tls: false,
                user: Some("alerts@x.com".into()),
                password: Some("p@ss".into()),
            }
        );
        let u = parse_url("smtps://mail.example.com", "--smtp").unwrap();
        assert_eq!((u.port, u.implicit_tls, u.user), (465, true, None));
        assert_eq!(parse_url("smtp://h", "--smtp").unwrap().port, 587);
        for bad in ["ftp://x", "mail.example.com", "smtp://h/path", "smtp://"] {
            assert!(parse_url(bad, "--smtp").is_err(), "{bad}");
        }
    }

    #[test]
    fn a_password_never_shows() {
        let err = parse_url("smtpx://u:hunter2@h:25", "--smtp").unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }

    #[test]
    fn subject_and_body_say_what_a_person_triages_by() {
        let mut a = alert(Health::Down);
        a.endpoint = a.url.clone();
        a.last_ms = Some(12.4);
        assert_eq!(subject(&a), "DOWN: https://x.test/hook — 3 failed probes");
        let b = body(&a);
        assert!(b.contains("Failed probes:  3 in a row"), "{b}");
        assert!(
            b.contains("Last error:     connect: connection refused"),
            "{b}"
        );
        assert!(b.contains("Last latency:   12 ms"), "{b}");
        assert!(b.contains("Time:           "), "{b}");
        let mut r = alert(Health::Up);
        r.change = Change {
            from: Health::Down,
            to: Health::Up,
        };
        r.since = Some(r.at - chrono::Duration::seconds(70));
        assert_eq!(
            subject(&r),
            "RECOVERED: orders (https://x.test/hook) — down for 1m 10s"
        );
        assert!(body(&r).contains("Down for:       1m 10s"), "{}", body(&r));
    }

    #[test]
    fn addresses_are_checked() {
        assert!(address("oncall@example.com").is_ok());
        assert!(address("not-an-address").is_err());
        assert!(mailbox("hookctl <alerts@example.com>").is_ok());
    }
}
