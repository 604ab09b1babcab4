//! What an endpoint must accept, and how: a correctly signed event with a fast 2xx, the same
//! delivery twice, a large payload, no redirect; plus the health probe and latency over probes.

use std::time::Duration;

use anyhow::Result;

use super::check::Status;
use super::probe::Prober;
use crate::cmd::shared::answer::{Answer, ms_text};
use crate::cmd::shared::durations;

/// A correctly signed, realistic event: 2xx within the slow threshold.
pub async fn signed_delivery(p: &Prober<'_>, slow: Duration) -> Result<(Status, String)> {
    let a = p.send(p.valid()?).await?;
    let event = &p.sampler.event.id;
    Ok(match &a {
        Answer::Http { status, ms, .. } if (200..300).contains(status) => {
            if *ms > slow.as_secs_f64() * 1000.0 {
                (
                    Status::Warn,
                    format!(
                        "{event} {}, slower than {}: providers time out and retry slow endpoints; answer first, then process the event in the background",
                        a.describe(),
                        ms_text(slow.as_secs_f64() * 1000.0)
                    ),
                )
            } else {
                (Status::Pass, format!("{event} {}", a.describe()))
            }
        }
        Answer::Http { status, .. } if (300..400).contains(status) => (
            Status::Fail,
            format!(
                "{event} {}: webhook senders do not follow redirects; give the provider the final URL",
                a.describe()
            ),
        ),
        Answer::Http { status, .. } if (400..500).contains(status) => (
            Status::Fail,
            format!(
                "a correctly signed {event} {}: check that the endpoint verifies with the same {} secret hookctl signs with (--secret)",
                a.describe(),
                p.sampler.provider()
            ),
        ),
        Answer::Http { .. } => (
            Status::Fail,
            format!(
                "a correctly signed {event} {}: the endpoint failed on a valid event",
                a.describe()
            ),
        ),
        Answer::Error(_) => (Status::Fail, format!("{event} {}", a.describe())),
    })
}

/// The same signed delivery twice: a provider retrying after a lost answer sends exactly this.
pub async fn duplicate_delivery(p: &Prober<'_>) -> Result<(Status, String)> {
    let d = p.valid()?;
    let first = p.send(d.clone()).await?;
    if !first.is_2xx() {
        return Ok((
            Status::Fail,
            format!(
                "the first delivery {}; expected a 2xx before the duplicate",
                first.describe()
            ),
        ));
    }
    let second = p.send(d).await?;
    Ok(if second.is_2xx() {
        (
            Status::Pass,
            format!(
                "answered 2xx both times to the same delivery id (second {})",
                second.describe()
            ),
        )
    } else {
        (
            Status::Warn,
            format!(
                "the second delivery of the same id {}: providers retry until they get a 2xx; acknowledge a duplicate with 2xx and skip the work",
                second.describe()
            ),
        )
    })
}

/// A signed delivery padded to `size` bytes: accepted, or refused deliberately with 413.
pub async fn large_payload(p: &Prober<'_>, size: usize) -> Result<(Status, String)> {
    let mut unsigned = p.fresh()?;
    let content_type = unsigned
        .headers
        .get("Content-Type")
        .unwrap_or("")
        .to_string();
    unsigned.body = pad(&unsigned.body, &content_type, size);
    let d = p.sign(&unsigned, super::probe::now())?;
    let size_text = bytes_text(d.body.len());
    let a = p.send(d).await?;
    Ok(match &a {
        Answer::Http { status, .. } if (200..300).contains(status) => (
            Status::Pass,
            format!("accepted {size_text}: {}", a.describe()),
        ),
        Answer::Http { status: 413, .. } => (
            Status::Pass,
            format!("refused {size_text} deliberately: {}", a.describe()),
        ),
        Answer::Http { status, .. } if (400..500).contains(status) => (
            Status::Warn,
            format!(
                "{size_text} {}: answer 413 if the size is the reason, so the cause is clear",
                a.describe()
            ),
        ),
        _ => (
            Status::Fail,
            format!(
                "{size_text} {}: providers send large events; accept them or answer 413",
                a.describe()
            ),
        ),
    })
}

/// The probe's first answer must not be a redirect.
pub async fn no_redirect(p: &Prober<'_>) -> Result<(Status, String)> {
    let a = p.send(p.valid()?).await?;
    Ok(match &a {
        Answer::Http {
            status,
            location: Some(to),
            ..
        } if (300..400).contains(status) => {
            let https = to.starts_with("https://") && p.endpoint.url.starts_with("http://");
            let hint = if https {
                "give the provider the https URL"
            } else {
                "webhook senders do not follow redirects: give the provider the final URL"
            };
            (Status::Fail, format!("{}; {hint}", a.describe()))
        }
        Answer::Http { status, .. } if (300..400).contains(status) => (
            Status::Fail,
            format!(
                "{}: a redirect answer, and providers do not follow them",
                a.describe()
            ),
        ),
        Answer::Http { .. } => (
            Status::Pass,
            format!("{} without redirecting", a.describe()),
        ),
        Answer::Error(_) => (Status::Fail, a.describe()),
    })
}

/// A HEAD and a GET, for endpoints that double as health checks: reported, never judged.
pub async fn health_probe(p: &Prober<'_>) -> Result<(Status, String)> {
    let head = p.plain("HEAD").await?;
    let get = p.plain("GET").await?;
    Ok((
        Status::Info,
        format!("HEAD {}; GET {}", head.describe(), get.describe()),
    ))
}

/// `probes` signed deliveries one after another: p50, p95 and max; every one must get a 2xx.
pub async fn latency(p: &Prober<'_>, probes: u32, slow: Duration) -> Result<(Status, String)> {
    if probes == 0 {
        return Ok((Status::Skip, "--probes 0: no latency probes sent".into()));
    }
    let mut times = Vec::new();
    let mut failures = Vec::new();
    for _ in 0..probes {
        let a = p.send(p.valid()?).await?;
        if a.is_2xx() {
            times.extend(a.ms());
        } else {
            failures.push(a.describe());
        }
    }
    let durations = durations::durations(&mut times);
    let summary = durations.as_ref().map(|d| {
        format!(
            "p50 {}, p95 {}, max {}",
            ms_text(d.p50),
            ms_text(d.p95),
            ms_text(d.max)
        )
    });
    if let Some(first) = failures.first() {
        return Ok((
            Status::Fail,
            format!(
                "{} of {probes} probes did not get a 2xx (first: {first}){}",
                failures.len(),
                summary
                    .map(|s| format!("; the rest: {s}"))
                    .unwrap_or_default()
            ),
        ));
    }
    let (Some(d), Some(summary)) = (durations, summary) else {
        return Ok((Status::Fail, "no probe got an answer".into()));
    };
    let limit = slow.as_secs_f64() * 1000.0;
    Ok(if d.p95 > limit {
        (
            Status::Warn,
            format!(
                "{summary} over {probes} probes: p95 is above {}; answer before doing the work",
                ms_text(limit)
            ),
        )
    } else {
        (Status::Pass, format!("{summary} over {probes} probes"))
    })
}

/// `body` grown to about `size` bytes in a way its content type allows: a JSON object gains a
/// `padding` string, a form a `padding` field, anything else trailing spaces.
pub fn pad(body: &[u8], content_type: &str, size: usize) -> Vec<u8> {
    let need = size.saturating_sub(body.len());
    if need == 0 {
        return body.to_vec();
    }
    if let Ok(serde_json::Value::Object(mut map)) = serde_json::from_slice(body) {
        let overhead = r#","padding":"""#.len();
        map.insert(
            "padding".into(),
            serde_json::Value::String("x".repeat(need.saturating_sub(overhead))),
        );
        if let Ok(v) = serde_json::to_vec(&serde_json::Value::Object(map)) {
            return v;
        }
    }
    let mut b = body.to_vec();
    if content_type.contains("x-www-form-urlencoded") {
        b.extend_from_slice(b"&padding=");
        b.resize(size.max(b.len()), b'x');
    } else {
        b.resize(size, b' ');
    }
    b
}

/// "1.0 MiB", "512 KiB", "300 B".
pub fn bytes_text(n: usize) -> String {
    if n >= 1024 * 1024 {
        format!("a {:.1} MiB delivery", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("a {} KiB delivery", n / 1024)
    } else {
        format!("a {n} B delivery")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_reaches_the_size_and_keeps_the_payload() {
        let body = br#"{"type":"contact.created","data":{"id":"c_1"}}"#;
        let padded = pad(body, "application/json", 1024 * 1024);
        assert!(
            (padded.len() as i64 - 1024 * 1024).abs() < 64,
            "{}",
            padded.len()
        );
        let v: serde_json::Value = serde_json::from_slice(&padded).unwrap();
        assert_eq!(v["data"]["id"], "c_1");
        let form = pad(b"a=1", "application/x-www-form-urlencoded", 100);
        assert_eq!(form.len(), 100);
        assert!(form.starts_with(b"a=1&padding=x"));
    }
}
