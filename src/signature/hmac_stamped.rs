//! HMAC-SHA256 hex schemes whose timestamp sits where the declarative family cannot read it:
//! Orb's zone-less ISO time, Persona's rotation sets, Recurly's positional list.

use super::crypto::{self, Algorithm, Algorithm::*, Encoding::*};
use super::hmac_scheme::TimeFormat;
use super::scheme::{Info, KeyKind, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::Reason;
use super::verdict::Verdict;
use crate::message::{Delivery, Headers};

/// Where a stamped scheme keeps its timestamp and signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Orb: `X-Orb-Signature: v1=<hex>` (the header may repeat) and `X-Orb-Timestamp` in ISO 8601
    /// without a zone, meaning UTC; signs `v1:{timestamp}:{body}`.
    Orb,
    /// Persona: `t=<unix>,v1=<hex>`, and during a secret rotation two such sets separated by a
    /// space; signs `{t}.{body}`.
    Persona,
    /// Recurly: `<unix ms>,<hex>[,<hex>…]` (two signatures while a key rotates); signs
    /// `{ms}.{body}`.
    Recurly,
}

/// A timestamp exactly as the delivery carries it, with the signatures made over it.
struct Candidate<'a> {
    stamp: &'a str,
    at: i64,
    sigs: Vec<Vec<u8>>,
}

/// HMAC-SHA256 hex schemes whose timestamp sits where the declarative family cannot read it.
pub(super) struct Stamped {
    info: Info,
    shape: Shape,
    header: &'static str,
    timestamp_header: Option<&'static str>,
}

const ALGORITHM: Algorithm = Sha256;

impl Stamped {
    pub(super) fn orb() -> Self {
        Self::build(
            Shape::Orb,
            "orb",
            "Orb",
            "X-Orb-Signature",
            Some("X-Orb-Timestamp"),
            "v1:{timestamp}:{body}",
            Some(300),
            "https://docs.withorb.com/integrations-and-exports/webhooks",
        )
    }

    pub(super) fn persona() -> Self {
        Self::build(
            Shape::Persona,
            "persona",
            "Persona",
            "Persona-Signature",
            None,
            "{timestamp}.{body}",
            None,
            "https://docs.withpersona.com/docs/webhooks-best-practices",
        )
    }

    pub(super) fn recurly() -> Self {
        Self::build(
            Shape::Recurly,
            "recurly",
            "Recurly",
            "Recurly-Signature",
            None,
            "{timestamp}.{body}",
            Some(300),
            "https://docs.recurly.com/v1.3/docs/signature-verification",
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        shape: Shape,
        id: &str,
        name: &str,
        header: &'static str,
        timestamp_header: Option<&'static str>,
        signed: &str,
        tolerance: Option<u64>,
        docs: &str,
    ) -> Self {
        let mut headers = vec![header.to_string()];
        headers.extend(timestamp_header.map(String::from));
        Stamped {
            info: Info {
                id: id.into(),
                name: name.into(),
                algorithm: "HMAC-SHA256 (hex)".into(),
                signed: signed.into(),
                detect: headers.clone(),
                headers,
                tolerance_seconds: tolerance,
                can_sign: true,
                variants: vec![],
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: docs.into(),
            },
            shape,
            header,
            timestamp_header,
        }
    }

    /// The timestamp as this provider writes it.
    fn render(&self, unix: i64) -> String {
        match self.shape {
            Shape::Orb => chrono::DateTime::from_timestamp(unix, 0)
                .map(|t| t.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string())
                .unwrap_or_default(),
            Shape::Persona => unix.to_string(),
            Shape::Recurly => TimeFormat::Millis.render(unix),
        }
    }

    /// Unix seconds, or `None` when the text is not a timestamp of this provider's form.
    fn parse_time(&self, text: &str) -> Option<i64> {
        match self.shape {
            // Fractional seconds vary in length; a zone suffix is tolerated as Orb's SDKs do.
            Shape::Orb => {
                chrono::NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S%.f")
                    .ok()
                    .map(|t| t.and_utc().timestamp())
                    .or_else(|| TimeFormat::Rfc3339.parse(text))
            }
            Shape::Persona => TimeFormat::Seconds.parse(text),
            Shape::Recurly => TimeFormat::Millis.parse(text),
        }
    }

    fn message<'a>(&self, stamp: &'a str, body: &'a [u8]) -> Vec<&'a [u8]> {
        match self.shape {
            Shape::Orb => vec![b"v1:", stamp.as_bytes(), b":", body],
            Shape::Persona | Shape::Recurly => vec![stamp.as_bytes(), b".", body],
        }
    }

    fn time_header(&self) -> &'static str {
        self.timestamp_header.unwrap_or(self.header)
    }

    fn stamp<'a>(&self, text: &'a str) -> Result<(&'a str, i64), Verdict> {
        let text = text.trim();
        match self.parse_time(text) {
            Some(at) => Ok((text, at)),
            None => Err(Verdict::malformed_header(
                self.time_header(),
                format!("holds '{}', which is not a timestamp", shorten(text)),
            )),
        }
    }

    /// Every (timestamp, signatures) set the delivery carries, or why it cannot be read.
    fn candidates<'a>(&self, d: &'a Delivery) -> Result<Vec<Candidate<'a>>, Verdict> {
        let value = d
            .headers
            .get(self.header)
            .ok_or_else(|| Verdict::missing_header(self.header))?;
        let sets: Vec<(&str, Vec<&str>)> = match self.shape {
            Shape::Orb => {
                let ts_header = self.time_header();
                let ts = d
                    .headers
                    .get(ts_header)
                    .ok_or_else(|| Verdict::missing_header(ts_header))?;
                let sigs = d
                    .headers
                    .get_all(self.header)
                    .flat_map(|v| v.split(','))
                    .filter_map(|item| item.trim().strip_prefix("v1="))
                    .collect();
                vec![(ts, sigs)]
            }
            Shape::Persona => value
                .split_whitespace()
                .map(|set| {
                    let mut ts = "";
                    let mut sigs = Vec::new();
                    for (k, v) in set.split(',').filter_map(|p| p.split_once('=')) {
                        match k.trim() {
                            "t" if ts.is_empty() => ts = v,
                            "v1" => sigs.push(v),
                            _ => {}
                        }
                    }
                    (ts, sigs)
                })
                .collect(),
            Shape::Recurly => {
                let mut items = value.split(',');
                let ts = items.next().unwrap_or_default();
                vec![(ts, items.map(str::trim).filter(|s| !s.is_empty()).collect())]
            }
        };
        let sets: Vec<_> = sets
            .into_iter()
            .filter(|(ts, _)| !ts.trim().is_empty())
            .collect();
        if sets.is_empty() {
            let why = match self.shape {
                Shape::Persona => "has no t= timestamp",
                _ => "is empty",
            };
            return Err(Verdict::malformed_header(self.header, why));
        }
        let mut out = Vec::new();
        for (ts, sigs) in sets {
            let (stamp, at) = self.stamp(ts)?;
            let sigs: Vec<Vec<u8>> = sigs.iter().filter_map(|s| Hex.decode(s)).collect();
            out.push(Candidate { stamp, at, sigs });
        }
        if out.iter().all(|c| c.sigs.is_empty()) {
            let why = match self.shape {
                Shape::Recurly => "holds no hex signature after its timestamp",
                _ => "holds no v1= hex signature",
            };
            return Err(Verdict::malformed_header(self.header, why));
        }
        Ok(out)
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let candidates = self.candidates(d)?;
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        for secret in &keys.secrets {
            for c in &candidates {
                let parts = self.message(c.stamp, &d.body);
                let mac = ALGORITHM.hmac(secret.as_bytes(), &parts);
                if c.sigs.iter().any(|s| crypto::ct_eq(s, &mac)) {
                    let signed = parts.concat();
                    let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
                    if let Some(v) =
                        crypto::check_timestamp(c.at, opts.now, tolerance, self.time_header())
                    {
                        return Ok(v.signed(signed));
                    }
                    return Ok(Verdict::ok(format!(
                        "{} matches HMAC-SHA256 of {}",
                        self.header, self.info.signed
                    ))
                    .header(self.header)
                    .signed(signed));
                }
            }
        }
        let first = &candidates[0];
        let mut v = Verdict::new(
            Reason::BadSignature,
            format!(
                "no signature in {} matches HMAC-SHA256 of {} with the given secret{}",
                self.header,
                self.info.signed,
                if keys.secrets.len() > 1 { "s" } else { "" }
            ),
        )
        .header(self.header)
        .signed(self.message(first.stamp, &d.body).concat());
        if candidates
            .iter()
            .flat_map(|c| &c.sigs)
            .all(|s| s.len() != ALGORITHM.output_len())
        {
            v = v.hint("the signature is not 32 bytes long, as HMAC-SHA256 gives: the header holds another algorithm's signature");
        }
        Ok(v)
    }
}

fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

impl Scheme for Stamped {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let secret = req.require_secret(&self.info)?;
        let stamp = self.render(req.timestamp);
        if stamp.is_empty() {
            return Err(SignError::Unsupported(format!(
                "{} is outside the range of dates {} can write",
                req.timestamp, self.info.name
            )));
        }
        let sig = Hex.encode(&ALGORITHM.hmac(secret.as_bytes(), &self.message(&stamp, &req.body)));
        let mut headers = Headers::new();
        match self.shape {
            Shape::Orb => {
                headers.push(self.header, format!("v1={sig}"));
                headers.push(self.time_header(), stamp);
            }
            Shape::Persona => headers.push(self.header, format!("t={stamp},v1={sig}")),
            Shape::Recurly => headers.push(self.header, format!("{stamp},{sig}")),
        }
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Keys {
        Keys {
            secrets: vec![s.into()],
            public_key: None,
        }
    }

    fn delivery(body: &[u8], headers: &[(&str, &str)]) -> Delivery {
        let mut d = Delivery::new(body);
        for (n, v) in headers {
            d.headers.push(*n, *v);
        }
        d
    }

    #[test]
    fn orb_accepts_its_sdk_vector_with_fractional_seconds() {
        // From Orb's Java SDK test (WebhookServiceTest).
        let body = br#"{"id": "o4mmewpfNNTnjfZc", "created_at": "2024-03-27T15:42:29+00:00", "type": "resource_event.test", "properties": {"message": "A test webhook from Orb. Happy testing!"}}"#;
        let d = delivery(
            body,
            &[
                ("X-Orb-Timestamp", "2024-03-27T15:42:29.551"),
                (
                    "X-Orb-Signature",
                    "v1=9d25de966891ab0bc18754faf8d83d0980b44ae330fcc130b41a6cf3daf1f391",
                ),
            ],
        );
        let orb = Stamped::orb();
        let v = orb.verify(
            &d,
            &keys("c-UGKYdnhHh436B_sMouYAPUvXyWpzOdunZBV5dFSD8"),
            &VerifyOptions::at(1_711_554_149),
        );
        assert!(v.is_valid(), "{}", v.detail);
        let late = orb.verify(
            &d,
            &keys("c-UGKYdnhHh436B_sMouYAPUvXyWpzOdunZBV5dFSD8"),
            &VerifyOptions::at(1_711_554_149 + 400),
        );
        assert_eq!(late.reason, Reason::ExpiredTimestamp);
    }

    #[test]
    fn persona_accepts_either_set_during_rotation() {
        let persona = Stamped::persona();
        let req = |s: &str| SignRequest {
            body: b"{}".to_vec(),
            timestamp: 100,
            secret: Some(s.into()),
            ..Default::default()
        };
        let new = persona
            .sign(&req("new"))
            .unwrap()
            .headers
            .get("Persona-Signature")
            .unwrap()
            .to_string();
        let old = persona
            .sign(&req("old"))
            .unwrap()
            .headers
            .get("Persona-Signature")
            .unwrap()
            .to_string();
        let d = delivery(b"{}", &[("Persona-Signature", &format!("{new} {old}"))]);
        assert!(
            persona
                .verify(&d, &keys("old"), &VerifyOptions::at(100))
                .is_valid()
        );
        assert!(
            persona
                .verify(&d, &keys("new"), &VerifyOptions::at(100))
                .is_valid()
        );
        assert_eq!(
            persona
                .verify(&d, &keys("other"), &VerifyOptions::at(100))
                .reason,
            Reason::BadSignature
        );
    }

    #[test]
    fn recurly_reads_positional_millisecond_timestamps() {
        let recurly = Stamped::recurly();
        let req = SignRequest {
            body: b"{}".to_vec(),
            timestamp: 1_700_000_000,
            secret: Some("k".into()),
            ..Default::default()
        };
        let sig = recurly
            .sign(&req)
            .unwrap()
            .headers
            .get("Recurly-Signature")
            .unwrap()
            .to_string();
        assert!(sig.starts_with("1700000000000,"));
        let two = format!("{},{}", sig, "ab".repeat(32));
        let d = delivery(b"{}", &[("recurly-signature", &two)]);
        assert!(
            recurly
                .verify(&d, &keys("k"), &VerifyOptions::at(1_700_000_010))
                .is_valid()
        );
        let d = delivery(b"{}", &[("recurly-signature", "soon,abcd")]);
        assert_eq!(
            recurly.verify(&d, &keys("k"), &VerifyOptions::at(0)).reason,
            Reason::MalformedHeader
        );
        let d = delivery(b"{}", &[("recurly-signature", "1700000000000")]);
        assert_eq!(
            recurly.verify(&d, &keys("k"), &VerifyOptions::at(0)).reason,
            Reason::MalformedHeader
        );
    }
}
