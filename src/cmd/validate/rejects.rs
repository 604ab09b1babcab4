//! The forged and replayed deliveries an endpoint must refuse: wrong signature, no signature,
//! stale or future timestamp, body changed after signing. Each should get a 4xx.

use anyhow::Result;

use super::check::Status;
use super::probe::{Prober, now};
use crate::cmd::shared::answer::Answer;
use crate::message::Delivery;
use crate::signature::sdk::{self, Side};

/// How far outside the provider's window the stale and future probes are: well past any clock
/// skew, so a rejection means the endpoint checks the timestamp.
const MARGIN_SECONDS: i64 = 600;

/// Signed with a key of the right form that the endpoint does not have.
pub async fn bad_signature(p: &Prober<'_>) -> Result<(Status, String)> {
    let wrong = p.sampler.scheme.new_key(&rand::random::<[u8; 32]>());
    let d = p
        .sampler
        .sign_with(&p.fresh()?, &p.endpoint.url, now(), &wrong)?;
    let a = p.send(d).await?;
    Ok(judge(
        &a,
        "signed with the wrong secret",
        "it does not verify signatures, so anyone can forge events: verify the signature header with your secret",
    ))
}

/// The delivery as signed, minus its signature headers.
pub async fn missing_signature(p: &Prober<'_>) -> Result<(Status, String)> {
    let unsigned = p.fresh()?;
    let mut d = p.sign(&unsigned, now())?;
    let removed = strip_signature(&mut d, &unsigned.headers, &p.sampler.scheme.info().headers);
    let a = p.send(d).await?;
    Ok(judge(
        &a,
        &format!("without {}", removed.join(" or ")),
        "it accepts unsigned requests: reject a delivery whose signature header is missing",
    ))
}

pub async fn stale_timestamp(p: &Prober<'_>) -> Result<(Status, String)> {
    timestamp(p, Side::Past).await
}

pub async fn future_timestamp(p: &Prober<'_>) -> Result<(Status, String)> {
    timestamp(p, Side::Future).await
}

/// Correctly signed, but at a time outside the provider's window: in the past (a replayed
/// delivery) or in the future. Accepting it fails only where the provider's official SDK
/// rejects it; where the SDK accepts it too, the endpoint does as the provider documents, and
/// the result is advice.
async fn timestamp(p: &Prober<'_>, side: Side) -> Result<(Status, String)> {
    let info = p.sampler.scheme.info();
    let Some(window) = info.tolerance_seconds else {
        let why = match sdk::checks(info).window_seconds {
            // Linear's: a field of the signed body, which the probes take as the event has it.
            Some(_) => format!(
                "{} signs its time inside the body, which these probes do not change; {} holds it to its window",
                info.name,
                sdk::sdk_name(info)
            ),
            None => format!(
                "{} signs no timestamp, so a replay cannot be told by its age; de-duplicate deliveries by id instead",
                info.name
            ),
        };
        return Ok((Status::Skip, why));
    };
    let offset = window as i64 + MARGIN_SECONDS;
    let direction = match side {
        Side::Past => -1,
        Side::Future => 1,
    };
    let d = p.sign(&p.fresh()?, now() + direction * offset)?;
    let a = p.send(d).await?;
    let (what, fix) = match side {
        Side::Past => (
            format!(
                "signed {} ago (the window is {})",
                minutes(offset),
                minutes(window as i64)
            ),
            "a captured delivery can be replayed: reject timestamps outside the window",
        ),
        Side::Future => (
            format!("signed {} in the future", minutes(offset)),
            "it does not check the timestamp's upper bound: reject timestamps from the future too",
        ),
    };
    if sdk::checks(info).bounds(side) {
        let fix = format!("{fix}, as {} does", sdk::sdk_name(info));
        return Ok(judge(&a, &what, &fix));
    }
    if a.is_2xx() {
        return Ok((
            Status::Advice,
            format!(
                "accepted a delivery {what} ({}): {}",
                a.describe(),
                sdk::advice(info, side)
            ),
        ));
    }
    Ok(judge(&a, &what, fix))
}

/// Correctly signed, then the body changed by one field: what an attacker in the middle does.
pub async fn modified_body(p: &Prober<'_>) -> Result<(Status, String)> {
    let mut d = p.valid()?;
    d.body = tamper(&d.body);
    let a = p.send(d).await?;
    Ok(judge(
        &a,
        "whose body was changed after signing",
        "it does not verify the signature over the raw body: compute it on the bytes received, before parsing",
    ))
}

/// A 4xx is what a sender should get; a 2xx means the forgery got in.
fn judge(a: &Answer, what: &str, fix: &str) -> (Status, String) {
    match a {
        Answer::Http { status, .. } if (400..500).contains(status) => (
            Status::Pass,
            format!("rejected a delivery {what}: {}", a.describe()),
        ),
        Answer::Http { status, .. } if (200..300).contains(status) => (
            Status::Fail,
            format!("accepted a delivery {what} ({}); {fix}", a.describe()),
        ),
        Answer::Http { status, .. } if (500..600).contains(status) => (
            Status::Warn,
            format!(
                "refused a delivery {what} with a server error ({}): answer 400 or 401, since a 5xx makes providers retry",
                a.describe()
            ),
        ),
        _ => (
            Status::Fail,
            format!("a delivery {what} {}; expected a 4xx", a.describe()),
        ),
    }
}

/// Removes the scheme's signature header (the first it names) and any other header the signing
/// added whose name says it carries a signature (GitHub's legacy one); returns their names.
pub fn strip_signature(
    d: &mut Delivery,
    before: &crate::message::Headers,
    scheme: &[String],
) -> Vec<String> {
    let mut names: Vec<String> = scheme.first().cloned().into_iter().collect();
    for (name, _) in d.headers.iter() {
        let added = !before.contains(name);
        if added
            && name.to_ascii_lowercase().contains("signature")
            && !names.iter().any(|n| n.eq_ignore_ascii_case(name))
        {
            names.push(name.to_string());
        }
    }
    for n in &names {
        d.headers.remove(n);
    }
    names
}

/// The body with one change a parser would not notice: a JSON object gains a field, anything
/// else gains a byte.
pub fn tamper(body: &[u8]) -> Vec<u8> {
    if let Ok(serde_json::Value::Object(mut map)) = serde_json::from_slice(body) {
        map.insert("tampered".into(), serde_json::Value::Bool(true));
        if let Ok(v) = serde_json::to_vec(&serde_json::Value::Object(map)) {
            return v;
        }
    }
    let mut b = body.to_vec();
    b.push(b' ');
    b
}

fn minutes(seconds: i64) -> String {
    if seconds % 60 == 0 {
        format!("{} min", seconds / 60)
    } else {
        format!("{seconds} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Headers;

    #[test]
    fn tampering_changes_the_bytes_and_keeps_json_parseable() {
        let t = tamper(br#"{"a":1}"#);
        assert_ne!(t, br#"{"a":1}"#);
        let v: serde_json::Value = serde_json::from_slice(&t).unwrap();
        assert_eq!(v["a"], 1);
        assert_eq!(tamper(b"a=1"), b"a=1 ");
    }

    #[test]
    fn stripping_removes_every_signature_header_the_signing_added() {
        let before: Headers = [("Content-Type", "application/json")].into_iter().collect();
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers = [
            ("Content-Type", "application/json"),
            ("X-Hub-Signature-256", "sha256=aa"),
            ("X-Hub-Signature", "sha1=bb"),
            ("X-GitHub-Delivery", "id"),
        ]
        .into_iter()
        .collect();
        let removed = strip_signature(&mut d, &before, &["X-Hub-Signature-256".to_string()]);
        assert_eq!(removed, vec!["X-Hub-Signature-256", "X-Hub-Signature"]);
        assert!(!d.headers.contains("X-Hub-Signature"));
        assert!(d.headers.contains("X-GitHub-Delivery"));
    }

    #[test]
    fn a_4xx_passes_a_2xx_fails_a_5xx_warns() {
        let http = |status| Answer::Http {
            status,
            location: None,
            ms: 1.0,
            snippet: String::new(),
        };
        assert_eq!(judge(&http(401), "x", "y").0, Status::Pass);
        assert_eq!(judge(&http(200), "x", "y").0, Status::Fail);
        assert_eq!(judge(&http(500), "x", "y").0, Status::Warn);
        assert_eq!(judge(&http(302), "x", "y").0, Status::Fail);
        assert_eq!(judge(&Answer::Error("e".into()), "x", "y").0, Status::Fail);
    }
}
