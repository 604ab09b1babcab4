//! Why a certificate could not be had, in one line an operator can act on: the ACME problem
//! types (RFC 8555 §6.7) mapped to their usual cause, and a CA that cannot be reached said so.

use instant_acme::{Error, Problem};

/// One line for `e`, met while getting a certificate for `name`.
pub fn explain(e: &Error, name: &str) -> String {
    match e {
        Error::Api(p) => problem(p, name),
        Error::Timeout(_) => "the CA did not finish in time (it may be overloaded)".to_string(),
        // hyper's errors hide their cause (refused, DNS, TLS) one level down.
        Error::Other(inner) => {
            let mut why = inner.to_string();
            let mut source = inner.source();
            while let Some(s) = source {
                why = format!("{why}: {s}");
                source = s.source();
            }
            format!("the CA cannot be reached ({why})")
        }
        other => format!("the CA cannot be reached ({other})"),
    }
}

/// A problem document, by its type.
pub fn problem(p: &Problem, name: &str) -> String {
    let detail = p.detail.as_deref().unwrap_or("no detail given");
    let kind = p
        .r#type
        .as_deref()
        .and_then(|t| t.strip_prefix("urn:ietf:params:acme:error:"))
        .unwrap_or("");
    // Some CAs (pebble) type a failed connection `unauthorized`; its detail tells it apart.
    let lower = detail.to_ascii_lowercase();
    let unreachable = [
        "failed to connect",
        "connection refused",
        "timeout",
        "timed out",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let kind = match kind {
        "unauthorized" | "incorrectResponse" if unreachable => "connection",
        k => k,
    };
    match kind {
        "dns" => format!(
            "DNS for {name} does not point here: the CA could not resolve it ({detail}); add an A/AAAA record for {name} with this server's address"
        ),
        "connection" => format!(
            "the CA could not connect to {name} (port closed or unreachable: {detail}); open port 443 to the internet, or port 80 with --http-listen"
        ),
        "unauthorized" | "incorrectResponse" => format!(
            "the CA reached {name} but not this relay ({detail}); DNS points elsewhere, or a proxy in front answers the challenge"
        ),
        "rateLimited" => format!("rate limited by the CA ({detail}); the relay retries later"),
        "tls" => format!("the CA's TLS connection to {name} failed ({detail})"),
        "caa" => format!("a CAA record for {name} forbids this CA ({detail})"),
        "rejectedIdentifier" | "malformed" => {
            format!("the CA will not issue a certificate for {name} ({detail})")
        }
        "" => format!("the CA refused ({detail})"),
        other => format!("the CA refused: {other} ({detail})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(kind: &str) -> Problem {
        serde_json::from_value(serde_json::json!({
            "type": format!("urn:ietf:params:acme:error:{kind}"),
            "detail": "d",
            "status": 400
        }))
        .unwrap()
    }

    #[test]
    fn a_connection_failure_typed_unauthorized_is_told_as_one() {
        let mut p = of("unauthorized");
        p.detail = Some("Failed to connect to 10.0.0.1:443 for the tls-alpn-01 challenge".into());
        assert!(problem(&p, "h.example").contains("port closed or unreachable"));
    }

    #[test]
    fn each_usual_failure_is_told_by_its_cause() {
        for (kind, says) in [
            ("dns", "DNS for h.example does not point here"),
            ("connection", "port closed or unreachable"),
            ("unauthorized", "DNS points elsewhere"),
            ("rateLimited", "rate limited"),
        ] {
            let line = problem(&of(kind), "h.example");
            assert!(line.contains(says), "{kind}: {line}");
            assert!(!line.contains('\n'));
        }
    }
}
