//! Explains a failed verification: tries what usually went wrong — a secret of the wrong kind or
//! form, a body re-serialized on the way, a URL rewritten by a proxy — and reports the most
//! specific cause the evidence supports.

use super::scheme::{Info, Keys, Scheme, VerifyOptions};
use super::verdict::{Reason, Verdict};
use crate::message::Delivery;

/// Refines a `bad_signature` verdict; any other verdict is returned as it is.
pub fn explain(
    scheme: &dyn Scheme,
    d: &Delivery,
    keys: &Keys,
    opts: &VerifyOptions,
    verdict: Verdict,
) -> Verdict {
    if verdict.reason != Reason::BadSignature {
        return verdict;
    }
    let mut verdict = verdict;
    let info = scheme.info();
    let verifies = |d: &Delivery, k: &Keys| {
        // A time-window failure still proves the signature itself matched.
        let r = scheme.verify(d, k, opts).reason;
        matches!(
            r,
            Reason::Ok | Reason::ExpiredTimestamp | Reason::FutureTimestamp
        )
    };

    for (label, candidate) in secret_variants(keys, info.secret_prefix.as_deref()) {
        if verifies(d, &candidate) {
            return retitle(
                verdict,
                Reason::WrongSecret,
                format!("the signature verifies with the secret {label}"),
                "fix the secret where your receiver reads it too: an environment file or secret store keeps what was pasted, stray characters included".into(),
            );
        }
    }
    let body_tried = d.body.len() <= 16 << 20;
    if body_tried {
        for (label, body) in body_variants(&d.body) {
            let mut changed = d.clone();
            changed.body = body;
            if verifies(&changed, keys) {
                return retitle(
                    verdict,
                    Reason::BodyModified,
                    format!(
                        "the signature matches the {label}: the body was changed after it was signed"
                    ),
                    "verify the raw bytes as received, before any JSON parsing or re-encoding (Express: express.raw(); Flask: request.get_data(); Django: request.body)".into(),
                );
            }
        }
    }
    if let Some(url) = &d.url {
        for candidate in url_variants(url) {
            let mut changed = d.clone();
            changed.url = Some(candidate.clone());
            if verifies(&changed, keys) {
                return retitle(
                    verdict,
                    Reason::UrlModified,
                    format!("the signature is for the URL {candidate}, not {url}"),
                    "pass the URL the provider posted to: a proxy or load balancer in front of the receiver may have rewritten its scheme, port or path".into(),
                );
            }
        }
    }

    for secret in &keys.secrets {
        verdict.hints.extend(secret_warning(info, secret));
    }
    if d.body.is_empty() {
        verdict.hints.push("the body is empty: was it consumed before verification, or not passed (--body-file, --body, stdin)?".into());
    }
    let declared_json = d
        .headers
        .get("Content-Type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("json"));
    if declared_json
        && !d.body.is_empty()
        && serde_json::from_slice::<serde_json::Value>(&d.body).is_err()
    {
        return retitle(
            verdict,
            Reason::BodyModified,
            "the Content-Type says JSON but the body is not valid JSON: the body is not what the provider sent".into(),
            "pass the body exactly as it arrived: a truncated read, a wrong charset or a logging layer that shortens bodies gives this".into(),
        );
    }
    if looks_pretty(&d.body) {
        verdict.hints.push("the body looks pretty-printed; providers sign the compact bytes they sent: was it reformatted?".into());
    }
    verdict.hints.push(format!(
        "either the secret is not the one {} signed with (each endpoint has its own: compare it with this endpoint's signing secret), or the body changed on the way{}",
        info.name,
        if body_tried {
            "; the usual re-formattings of the body (JSON layout, a trailing newline, line endings) do not verify either"
        } else {
            ""
        }
    ));
    verdict
}

/// The verdict for a cause the evidence proves: the proven cause replaces the generic failure
/// (which a hint would only repeat), and `hint`, first, says what to do about it.
fn retitle(mut v: Verdict, reason: Reason, detail: String, hint: String) -> Verdict {
    v.hints.insert(0, hint);
    v.reason = reason;
    v.detail = detail;
    v
}

/// Other readings of the secrets given: stray whitespace, the provider's prefix missing or extra.
fn secret_variants(keys: &Keys, prefix: Option<&str>) -> Vec<(String, Keys)> {
    let mut out = Vec::new();
    let with = |s: String| Keys {
        secrets: vec![s],
        public_key: keys.public_key.clone(),
    };
    for s in &keys.secrets {
        let trimmed = s.trim();
        if trimmed != s {
            out.push((
                "without its surrounding whitespace (a copy-paste newline?)".to_string(),
                with(trimmed.to_string()),
            ));
        }
        if let Some(p) = prefix {
            match trimmed.strip_prefix(p) {
                Some(rest) => out.push((format!("without the {p} prefix"), with(rest.to_string()))),
                None => out.push((
                    format!("with the {p} prefix added"),
                    with(format!("{p}{trimmed}")),
                )),
            }
        }
    }
    out
}

/// The same JSON written the ways tools commonly rewrite it, and line-ending changes.
fn body_variants(body: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let mut out: Vec<(&'static str, Vec<u8>)> = Vec::new();
    if let Some(stripped) = body.strip_suffix(b"\n") {
        out.push((
            "body without its trailing newline",
            stripped.strip_suffix(b"\r").unwrap_or(stripped).to_vec(),
        ));
    } else {
        out.push(("body with a trailing newline", [body, b"\n"].concat()));
    }
    if body.windows(2).any(|w| w == b"\r\n") {
        out.push((
            "body with CRLF line endings turned into LF",
            String::from_utf8_lossy(body)
                .replace("\r\n", "\n")
                .into_bytes(),
        ));
    } else if body.contains(&b'\n') {
        out.push((
            "body with LF line endings turned into CRLF",
            String::from_utf8_lossy(body)
                .replace('\n', "\r\n")
                .into_bytes(),
        ));
    }
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        if let Ok(compact) = serde_json::to_vec(&value) {
            out.push(("compact form of this JSON", compact));
        }
        if let Ok(pretty) = serde_json::to_vec_pretty(&value) {
            out.push(("pretty-printed form of this JSON", pretty));
        }
        let mut four = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
        if serde::Serialize::serialize(
            &value,
            &mut serde_json::Serializer::with_formatter(&mut four, fmt),
        )
        .is_ok()
        {
            out.push(("4-space pretty-printed form of this JSON", four));
        }
    }
    out.retain(|(_, b)| b != body);
    out
}

/// The URL as proxies commonly change it: scheme, default port, trailing slash, query.
fn url_variants(raw: &str) -> Vec<String> {
    let Ok(url) = url::Url::parse(raw) else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut other_scheme = url.clone();
    if other_scheme
        .set_scheme(if url.scheme() == "https" {
            "http"
        } else {
            "https"
        })
        .is_ok()
    {
        out.push(other_scheme.to_string());
    }
    if let Some(port) = url.port_or_known_default() {
        let host = url.host_str().unwrap_or("");
        let with_port = format!(
            "{}://{host}:{port}{}",
            url.scheme(),
            &url[url::Position::BeforePath..]
        );
        out.push(with_port);
    }
    let mut slash = url.clone();
    let path = url.path().to_string();
    slash.set_path(&match path.strip_suffix('/') {
        Some(p) if !p.is_empty() => p.to_string(),
        _ => format!("{path}/"),
    });
    out.push(slash.to_string());
    if url.query().is_some() {
        let mut bare = url.clone();
        bare.set_query(None);
        out.push(bare.to_string());
    }
    out.retain(|u| u != raw);
    out
}

/// What is wrong with `secret` as the provider's signing secret, from its form alone: an API key
/// pasted in its place, or the provider's prefix missing. `verify` hints it on a failure; `init`
/// warns before it saves one.
pub fn secret_warning(info: &Info, secret: &str) -> Option<String> {
    if let Some(kind) = api_key_kind(secret) {
        return Some(format!(
            "the secret given is {kind}, not a webhook signing secret"
        ));
    }
    match &info.secret_prefix {
        Some(prefix) if !secret.starts_with(prefix.as_str()) => Some(format!(
            "{} signing secrets start with {prefix}; the one given does not",
            info.name
        )),
        _ => None,
    }
}

/// Credentials people paste where a webhook secret belongs.
fn api_key_kind(secret: &str) -> Option<&'static str> {
    let s = secret.trim();
    [
        (
            "sk_live_",
            "a Stripe secret API key (the webhook signing secret starts with whsec_)",
        ),
        (
            "sk_test_",
            "a Stripe secret API key (the webhook signing secret starts with whsec_)",
        ),
        (
            "rk_live_",
            "a Stripe restricted API key (the webhook signing secret starts with whsec_)",
        ),
        (
            "rk_test_",
            "a Stripe restricted API key (the webhook signing secret starts with whsec_)",
        ),
        (
            "pk_live_",
            "a Stripe publishable key (the webhook signing secret starts with whsec_)",
        ),
        (
            "pk_test_",
            "a Stripe publishable key (the webhook signing secret starts with whsec_)",
        ),
        ("xoxb-", "a Slack bot token (use the app's Signing Secret)"),
        ("xoxp-", "a Slack user token (use the app's Signing Secret)"),
        (
            "ghp_",
            "a GitHub personal access token (use the webhook's secret)",
        ),
        (
            "github_pat_",
            "a GitHub personal access token (use the webhook's secret)",
        ),
        (
            "SG.",
            "a SendGrid API key (use the Event Webhook verification key)",
        ),
        (
            "shpat_",
            "a Shopify access token (use the app's client secret)",
        ),
    ]
    .iter()
    .find(|(p, _)| s.starts_with(p))
    .map(|(_, kind)| *kind)
}

fn looks_pretty(body: &[u8]) -> bool {
    body.starts_with(b"{\n") || body.starts_with(b"[\n") || body.windows(3).any(|w| w == b"\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::{Registry, SignRequest};

    fn stripe_delivery(body: &[u8], secret: &str) -> Delivery {
        let s = Registry::builtin().get("stripe").unwrap();
        let req = SignRequest {
            body: body.to_vec(),
            timestamp: 1000,
            secret: Some(secret.into()),
            ..Default::default()
        };
        let mut d = Delivery::new(body);
        d.headers = s.sign(&req).unwrap().headers;
        d.headers.push("Content-Type", "application/json");
        d
    }

    fn run(d: &Delivery, secret: &str) -> Verdict {
        let s = Registry::builtin().get("stripe").unwrap();
        let keys = Keys {
            secrets: vec![secret.into()],
            public_key: None,
        };
        let opts = VerifyOptions::at(1000);
        explain(s.as_ref(), d, &keys, &opts, s.verify(d, &keys, &opts))
    }

    #[test]
    fn re_serialized_json_is_body_modified() {
        let mut d = stripe_delivery(br#"{"id":"evt_1","amount":5}"#, "whsec_abc");
        d.body = b"{\n  \"id\": \"evt_1\",\n  \"amount\": 5\n}".to_vec();
        let v = run(&d, "whsec_abc");
        assert_eq!(v.reason, Reason::BodyModified, "{v:?}");
        assert!(v.detail.contains("compact form"), "{}", v.detail);
    }

    #[test]
    fn secret_with_newline_or_without_prefix_is_wrong_secret() {
        let d = stripe_delivery(b"{}", "whsec_abc");
        assert_eq!(run(&d, "whsec_abc\n").reason, Reason::WrongSecret);
        let v = run(&d, "abc");
        assert_eq!(v.reason, Reason::WrongSecret);
        assert!(v.detail.contains("whsec_ prefix added"), "{}", v.detail);
    }

    #[test]
    fn api_key_instead_of_signing_secret_is_named() {
        let d = stripe_delivery(b"{}", "whsec_abc");
        let v = run(&d, "sk_test_123");
        assert_eq!(v.reason, Reason::BadSignature);
        assert!(
            v.hints.iter().any(|h| h.contains("Stripe secret API key")),
            "{:?}",
            v.hints
        );
    }

    #[test]
    fn invalid_json_under_a_json_content_type_is_body_modified() {
        let mut d = stripe_delivery(b"{}", "whsec_abc");
        d.body = b"payload".to_vec();
        assert_eq!(run(&d, "whsec_abc").reason, Reason::BodyModified);
    }

    #[test]
    fn url_variants_cover_port_scheme_slash_and_query() {
        let v = url_variants("https://example.com/hook?a=1");
        assert!(v.contains(&"http://example.com/hook?a=1".to_string()));
        assert!(v.contains(&"https://example.com:443/hook?a=1".to_string()));
        assert!(v.contains(&"https://example.com/hook/?a=1".to_string()));
        assert!(v.contains(&"https://example.com/hook".to_string()));
    }
}
