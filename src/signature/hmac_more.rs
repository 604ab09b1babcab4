//! More HMAC providers, each exactly as its own documentation or official SDK describes it.
//!
//! Most are one row of the declarative family. Three need a little code because of how they
//! carry the timestamp (Orb's zone-less ISO time, Persona's rotation sets, Recurly's positional
//! list); they share one small `Stamped` scheme below.

use std::sync::Arc;

use super::crypto::{self, Algorithm, Algorithm::*, Encoding::*};
use super::hmac_scheme::{HmacScheme, SecretForm, TimeFormat};
use super::verdict::Reason;
use super::{
    Info, KeyKind, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, Verdict,
    VerifyOptions,
};
use crate::message::{Delivery, Headers};

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    let meta = |id: &str, name: &str, docs: &str| {
        // Meta signs every product's webhooks the same way, in the header GitHub also uses, and
        // sends no header of its own: leave these out of `--provider auto`.
        Tuned::new(
            HmacScheme::new(id, name, Sha256, Hex, "X-Hub-Signature-256")
                .prefix("sha256=")
                .docs(docs),
        )
        .undetected()
        .arc()
    };
    vec![
        meta("facebook", "Facebook", "https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads"),
        meta("instagram", "Instagram", "https://developers.facebook.com/docs/instagram-platform/webhooks"),
        meta("whatsapp", "WhatsApp", "https://developers.facebook.com/docs/whatsapp/cloud-api/guides/set-up-webhooks"),
        Arc::new(
            HmacScheme::new("twitter", "X (Twitter)", Sha256, Base64, "X-Twitter-Webhooks-Signature")
                .prefix("sha256=")
                .docs("https://docs.x.com/x-api/webhooks/quickstart"),
        ),
        Arc::new(
            HmacScheme::new("zendesk", "Zendesk", Sha256, Base64, "X-Zendesk-Webhook-Signature")
                .timestamp_header("X-Zendesk-Webhook-Signature-Timestamp", TimeFormat::Rfc3339)
                .signs("{timestamp}{body}")
                .docs("https://developer.zendesk.com/documentation/webhooks/verifying/"),
        ),
        Arc::new(
            HmacScheme::new("buildkite", "Buildkite", Sha256, Hex, "X-Buildkite-Signature")
                .keyed(',', "timestamp", "signature")
                .signs("{timestamp}.{body}")
                .tolerance(300)
                .docs("https://buildkite.com/docs/apis/webhooks/pipelines"),
        ),
        Arc::new(
            // A comma-separated list of versioned signatures, of which only v1 exists so far.
            HmacScheme::new("circleci", "CircleCI", Sha256, Hex, "circleci-signature")
                .many("v1=", ',')
                .docs("https://circleci.com/docs/webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("castle", "Castle", Sha256, Base64, "X-Castle-Signature").docs("https://docs.castle.io/docs/webhooks"),
        ),
        Arc::new(
            HmacScheme::new("terraform", "HCP Terraform", Sha512, Hex, "X-TFE-Notification-Signature")
                .docs("https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity"),
        ),
        Arc::new(
            HmacScheme::new("launchdarkly", "LaunchDarkly", Sha256, Hex, "X-LD-Signature")
                .docs("https://launchdarkly.com/docs/home/infrastructure/webhooks"),
        ),
        Arc::new(
            // `X-Signature` alone is too common a name to identify Modern Treasury.
            HmacScheme::new("modern-treasury", "Modern Treasury", Sha256, Hex, "X-Signature")
                .detect_also("X-Webhook-ID")
                .docs("https://docs.moderntreasury.com/platform/docs/verifying-webhooks"),
        ),
        Arc::new(Stamped::orb()),
        Arc::new(Stamped::persona()),
        Arc::new(
            HmacScheme::new("pusher", "Pusher Channels", Sha256, Hex, "X-Pusher-Signature")
                .detect_also("X-Pusher-Key")
                .docs("https://pusher.com/docs/channels/server_api/webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("webex", "Webex", Sha1, Hex, "X-Spark-Signature").docs("https://developer.webex.com/docs/webhooks"),
        ),
        Arc::new(
            HmacScheme::new("frameio", "Frame.io", Sha256, Hex, "X-Frameio-Signature")
                .prefix("v0=")
                .timestamp_header("X-Frameio-Request-Timestamp", TimeFormat::Seconds)
                .signs("v0:{timestamp}:{body}")
                .tolerance(300)
                .docs("https://developer.adobe.com/frameio/guides/Webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("chargify", "Maxio Advanced Billing (Chargify)", Sha256, Hex, "X-Chargify-Webhook-Signature-Hmac-Sha-256")
                .docs("https://help.chargify.com/webhooks/webhooks-reference.html"),
        ),
        Arc::new(
            // Connect numbers its signatures (-1, -2, …) when several HMAC keys are active; the
            // first is the one every configuration carries.
            HmacScheme::new("docusign", "Docusign Connect", Sha256, Base64, "X-DocuSign-Signature-1")
                .docs("https://developers.docusign.com/platform/webhooks/connect/hmac/"),
        ),
        Arc::new(
            HmacScheme::new("mongodb", "MongoDB Atlas", Sha1, Base64, "X-MMS-Signature")
                .docs("https://www.mongodb.com/docs/atlas/tutorial/webhook-integration/"),
        ),
        Arc::new(
            HmacScheme::new("sonatype-nexus", "Sonatype Nexus Repository", Sha1, Hex, "X-Nexus-Webhook-Signature")
                .docs("https://help.sonatype.com/en/enabling-a-repository-webhook-capability.html"),
        ),
        Arc::new(
            HmacScheme::new("tiktok", "TikTok", Sha256, Hex, "TikTok-Signature")
                .keyed(',', "t", "s")
                .signs("{timestamp}.{body}")
                .docs("https://developers.tiktok.com/doc/webhooks-verification"),
        ),
        Tuned::new(
            // The security token Teams shows is base64; its decoded bytes are the HMAC key.
            HmacScheme::new("microsoft-teams", "Microsoft Teams outgoing webhook", Sha256, Base64, "Authorization")
                .prefix("HMAC ")
                .secret_form(SecretForm::Base64)
                .docs("https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook"),
        )
        .undetected()
        .base64_keys()
        .arc(),
        Arc::new(
            HmacScheme::new("gocardless", "GoCardless", Sha256, Hex, "Webhook-Signature")
                .docs("https://developer.gocardless.com/getting-started/staying-up-to-date-with-webhooks"),
        ),
        Arc::new(Stamped::recurly()),
        Tuned::new(
            // Jira reuses `X-Hub-Signature`, GitHub's legacy header, with sha256.
            HmacScheme::new("jira", "Jira", Sha256, Hex, "X-Hub-Signature")
                .prefix("sha256=")
                .docs("https://developer.atlassian.com/cloud/jira/platform/webhooks/#secure-admin-webhooks"),
        )
        .undetected()
        .arc(),
        Tuned::new(
            HmacScheme::new("segment", "Segment", Sha1, Hex, "X-Signature")
                .docs("https://segment.com/docs/connections/destinations/catalog/actions-webhook/"),
        )
        .undetected()
        .arc(),
        Tuned::new(
            // `macSecretBase64` from webhook creation, used base64-decoded.
            HmacScheme::new("airtable", "Airtable", Sha256, Hex, "X-Airtable-Content-MAC")
                .prefix("hmac-sha256=")
                .secret_form(SecretForm::Base64)
                .docs("https://airtable.com/developers/web/api/webhooks-overview"),
        )
        .base64_keys()
        .arc(),
        Arc::new(
            // The callback URL exactly as registered is signed after the body.
            HmacScheme::new("trello", "Trello", Sha1, Base64, "X-Trello-Webhook")
                .signs("{body}{url}")
                .docs("https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/"),
        ),
        Arc::new(
            HmacScheme::new("mux", "Mux", Sha256, Hex, "Mux-Signature")
                .keyed(',', "t", "v1")
                .signs("{timestamp}.{body}")
                .tolerance(300)
                .docs("https://docs.mux.com/core/verify-webhook-signatures"),
        ),
        Arc::new(
            HmacScheme::new("cal-com", "Cal.com", Sha256, Hex, "X-Cal-Signature-256")
                .docs("https://cal.com/docs/developing/guides/automation/webhooks"),
        ),
        Arc::new(
            HmacScheme::new("line", "LINE Messaging API", Sha256, Base64, "X-Line-Signature")
                .docs("https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/"),
        ),
        Arc::new(
            HmacScheme::new("autodesk", "Autodesk Platform Services", Sha1, Hex, "X-Adsk-Signature")
                .prefix("sha1hash=")
                .docs("https://aps.autodesk.com/en/docs/webhooks/v1/developers_guide/callback-verification/"),
        ),
        Arc::new(
            HmacScheme::new("worldline", "Worldline", Sha256, Base64, "X-GCS-Signature")
                .detect_also("X-GCS-KeyId")
                .docs("https://docs.connect.worldline-solutions.com/documentation/webhooks/"),
        ),
    ]
}

/// A declarative scheme with what its table row cannot say: no auto-detection (its signature
/// header is shared with another provider), and keys issued as base64.
struct Tuned {
    inner: HmacScheme,
    info: Info,
    base64_keys: bool,
}

impl Tuned {
    fn new(inner: HmacScheme) -> Self {
        let info = inner.info().clone();
        Tuned {
            inner,
            info,
            base64_keys: false,
        }
    }

    fn undetected(mut self) -> Self {
        self.info.detect.clear();
        self
    }

    fn base64_keys(mut self) -> Self {
        self.base64_keys = true;
        self
    }

    fn arc(self) -> Arc<dyn Scheme> {
        Arc::new(self)
    }
}

impl Scheme for Tuned {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        self.inner.sign(req)
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.inner.verify(delivery, keys, opts)
    }

    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        if self.base64_keys {
            KeyMaterial {
                secret: Some(crypto::base64(seed)),
                ..Default::default()
            }
        } else {
            self.inner.new_key(seed)
        }
    }
}

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
struct Stamped {
    info: Info,
    shape: Shape,
    header: &'static str,
    timestamp_header: Option<&'static str>,
}

const ALGORITHM: Algorithm = Sha256;

impl Stamped {
    fn orb() -> Self {
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

    fn persona() -> Self {
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

    fn recurly() -> Self {
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
    fn ids_do_not_collide_with_each_other() {
        let mut ids: Vec<String> = providers().iter().map(|p| p.info().id.clone()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(n >= 30);
    }

    #[test]
    fn shared_headers_stay_out_of_auto_detection() {
        for p in providers() {
            let i = p.info();
            let shared = ["X-Hub-Signature-256", "X-Hub-Signature", "Authorization"];
            if shared.iter().any(|h| i.headers[0].eq_ignore_ascii_case(h)) {
                assert!(
                    i.detect.is_empty(),
                    "{} would claim another provider's header",
                    i.id
                );
            }
        }
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

    #[test]
    fn base64_secret_providers_issue_base64_keys() {
        for p in providers()
            .iter()
            .filter(|p| ["airtable", "microsoft-teams"].contains(&p.info().id.as_str()))
        {
            let key = p.new_key(&[7; 32]).secret.unwrap();
            assert_eq!(crypto::decode_base64(&key).unwrap(), vec![7; 32]);
        }
    }
}
