//! The declarative HMAC family: a signature header, an algorithm, an encoding and a signed-content
//! template. Most providers are one row of this (see `hmac_providers`), and so is `generic`.

use std::sync::Arc;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use super::crypto::{self, Algorithm, Encoding};
use super::scheme::{
    Info, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions,
};
use super::template::{Part, Template, Values};
use super::verdict::{Reason, Verdict};
use crate::message::{Delivery, Headers};

/// How the signature sits in its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigFormat {
    /// `[prefix]signature`; with a separator, several (`v1=a,v1=b`), each with the prefix.
    Plain {
        prefix: String,
        separator: Option<char>,
    },
    /// Key/value pairs carrying the timestamp too: `t=123,v1=abc` (Stripe), `ts=1;h1=ab` (Paddle).
    Keyed {
        pair_separator: char,
        timestamp_key: String,
        signature_key: String,
    },
}

/// How a timestamp is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeFormat {
    Seconds,
    Millis,
    Rfc3339,
}

impl TimeFormat {
    pub fn render(self, unix: i64) -> String {
        match self {
            TimeFormat::Seconds => unix.to_string(),
            // `sign --timestamp` takes any integer: saturate instead of overflowing.
            TimeFormat::Millis => unix.saturating_mul(1000).to_string(),
            TimeFormat::Rfc3339 => chrono::DateTime::from_timestamp(unix, 0)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                .unwrap_or_default(),
        }
    }

    /// Unix seconds, or `None` when the text is not in this form.
    pub fn parse(self, text: &str) -> Option<i64> {
        let text = text.trim();
        match self {
            TimeFormat::Seconds => text.parse().ok(),
            TimeFormat::Millis => text.parse::<i64>().ok().map(|ms| ms.div_euclid(1000)),
            TimeFormat::Rfc3339 => chrono::DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|t| t.timestamp()),
        }
    }
}

/// How the shared secret becomes the HMAC key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretForm {
    /// The secret's bytes as given (most providers, Stripe's `whsec_` included).
    Raw,
    /// The secret is base64 and the key is what it decodes to (Microsoft Teams, Standard Webhooks).
    Base64,
}

/// One HMAC scheme, fully described by data.
#[derive(Debug, Clone)]
pub struct HmacScheme {
    info: Info,
    algorithm: Algorithm,
    encoding: Encoding,
    header: String,
    format: SigFormat,
    template: Template,
    timestamp_header: Option<String>,
    time_format: TimeFormat,
    id_header: Option<String>,
    secret_form: SecretForm,
}

impl HmacScheme {
    /// A scheme that signs the body alone, `Name: <signature>`; refine it with the builder calls.
    pub fn new(
        id: &str,
        name: &str,
        algorithm: Algorithm,
        encoding: Encoding,
        header: &str,
    ) -> Self {
        let s = HmacScheme {
            info: Info {
                id: id.into(),
                name: name.into(),
                algorithm: String::new(),
                signed: String::new(),
                headers: vec![],
                tolerance_seconds: None,
                can_sign: true,
                variants: vec![],
                detect: vec![header.into()],
                key: super::scheme::KeyKind::Secret,
                secret_prefix: None,
                docs: String::new(),
            },
            algorithm,
            encoding,
            header: header.into(),
            format: SigFormat::Plain {
                prefix: String::new(),
                separator: None,
            },
            template: Template::parse("{body}").expect("static template"),
            timestamp_header: None,
            time_format: TimeFormat::Seconds,
            id_header: None,
            secret_form: SecretForm::Raw,
        };
        s.refresh_info()
    }

    pub fn prefix(mut self, prefix: &str) -> Self {
        self.format = SigFormat::Plain {
            prefix: prefix.into(),
            separator: None,
        };
        self.refresh_info()
    }

    /// Several signatures in one header, separated by `sep`, each with `prefix`.
    pub fn many(mut self, prefix: &str, sep: char) -> Self {
        self.format = SigFormat::Plain {
            prefix: prefix.into(),
            separator: Some(sep),
        };
        self.refresh_info()
    }

    pub fn keyed(mut self, pair_separator: char, timestamp_key: &str, signature_key: &str) -> Self {
        self.format = SigFormat::Keyed {
            pair_separator,
            timestamp_key: timestamp_key.into(),
            signature_key: signature_key.into(),
        };
        self.refresh_info()
    }

    /// The signed content; panics on a bad template, so only for the built-in table.
    pub fn signs(mut self, template: &str) -> Self {
        self.template = Template::parse(template).expect("built-in template is valid");
        self.refresh_info()
    }

    pub fn timestamp_header(mut self, name: &str, format: TimeFormat) -> Self {
        self.timestamp_header = Some(name.into());
        self.time_format = format;
        self.refresh_info()
    }

    /// For keyed formats, how the in-header timestamp is written.
    pub fn time_format(mut self, format: TimeFormat) -> Self {
        self.time_format = format;
        self.refresh_info()
    }

    pub fn id_header(mut self, name: &str) -> Self {
        self.id_header = Some(name.into());
        self.refresh_info()
    }

    pub fn tolerance(mut self, seconds: u64) -> Self {
        self.info.tolerance_seconds = Some(seconds);
        self
    }

    pub fn secret_form(mut self, form: SecretForm) -> Self {
        self.secret_form = form;
        self.refresh_info()
    }

    pub fn secret_prefix(mut self, prefix: &str) -> Self {
        self.info.secret_prefix = Some(prefix.into());
        self
    }

    pub fn docs(mut self, url: &str) -> Self {
        self.info.docs = url.into();
        self
    }

    /// Extra headers that must be present for `--provider auto` to pick this provider, for
    /// providers that share a signature header name.
    pub fn detect_also(mut self, header: &str) -> Self {
        self.info.detect.push(header.into());
        self
    }

    pub fn signature_header(&self) -> &str {
        &self.header
    }

    fn refresh_info(mut self) -> Self {
        let mut headers = vec![self.header.clone()];
        headers.extend(self.timestamp_header.clone());
        headers.extend(self.id_header.clone());
        self.info.headers = headers;
        self.info.algorithm = format!(
            "HMAC-{} ({}{})",
            self.algorithm.name(),
            self.encoding.name(),
            if self.secret_form == SecretForm::Base64 {
                ", base64 secret"
            } else {
                ""
            }
        );
        self.info.signed = self.template.source().to_string();
        self
    }

    fn key(&self, secret: &str) -> Option<Vec<u8>> {
        match self.secret_form {
            SecretForm::Raw => Some(secret.as_bytes().to_vec()),
            SecretForm::Base64 => crypto::decode_base64(secret),
        }
    }

    /// Splits the signature header into (timestamp text if carried there, signature candidates).
    fn parse_header<'a>(&self, value: &'a str) -> Result<(Option<&'a str>, Vec<&'a str>), Verdict> {
        match &self.format {
            SigFormat::Plain { prefix, separator } => {
                let items: Vec<&str> = match separator {
                    Some(sep) => value
                        .split(*sep)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect(),
                    None => vec![value.trim()],
                };
                let sigs: Vec<&str> = items
                    .iter()
                    .filter_map(|i| strip_prefix_ci(i, prefix))
                    .filter(|s| !s.is_empty())
                    .collect();
                if sigs.is_empty() {
                    let why = if prefix.is_empty() {
                        "is empty".to_string()
                    } else {
                        format!("does not start with '{prefix}'")
                    };
                    return Err(Verdict::malformed_header(&self.header, why));
                }
                Ok((None, sigs))
            }
            SigFormat::Keyed {
                pair_separator,
                timestamp_key,
                signature_key,
            } => {
                let mut ts = None;
                let mut sigs = Vec::new();
                for pair in value.split(*pair_separator) {
                    if let Some((k, v)) = pair.trim().split_once('=') {
                        if k == timestamp_key && ts.is_none() {
                            ts = Some(v);
                        } else if k == signature_key {
                            sigs.push(v);
                        }
                    }
                }
                let Some(ts) = ts else {
                    return Err(Verdict::malformed_header(
                        &self.header,
                        format!("has no {timestamp_key}= timestamp"),
                    ));
                };
                if sigs.is_empty() {
                    return Err(Verdict::malformed_header(
                        &self.header,
                        format!("has no {signature_key}= signature"),
                    ));
                }
                Ok((Some(ts), sigs))
            }
        }
    }

    fn verify_inner(
        &self,
        d: &Delivery,
        keys: &Keys,
        opts: &VerifyOptions,
    ) -> Result<Verdict, Verdict> {
        let value = d
            .headers
            .get(&self.header)
            .ok_or_else(|| Verdict::missing_header(&self.header))?;
        let (in_header_ts, candidates) = self.parse_header(value)?;
        let (ts_text, ts_header) = match (&self.timestamp_header, in_header_ts) {
            (Some(h), _) => (
                Some(d.headers.get(h).ok_or_else(|| Verdict::missing_header(h))?),
                h.as_str(),
            ),
            (None, ts) => (ts, self.header.as_str()),
        };
        let signed_at = match ts_text {
            Some(t) => Some(self.time_format.parse(t).ok_or_else(|| {
                Verdict::malformed_header(
                    ts_header,
                    format!("holds '{t}', which is not a timestamp"),
                )
            })?),
            None => None,
        };
        let id = match &self.id_header {
            Some(h) => Some(d.headers.get(h).ok_or_else(|| Verdict::missing_header(h))?),
            None => None,
        };
        if self.template.uses(&Part::Url) && d.url.is_none() {
            return Err(Verdict::new(
                Reason::Unsupported,
                format!(
                    "{} signs the request URL: pass --url with the URL the provider posted to",
                    self.info.name
                ),
            ));
        }
        let decoded: Vec<Vec<u8>> = candidates
            .iter()
            .filter_map(|c| self.encoding.decode(c))
            .collect();
        if decoded.is_empty() {
            return Err(Verdict::malformed_header(
                &self.header,
                format!("does not hold a {} signature", self.encoding.name()),
            ));
        }
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        let values = Values {
            body: &d.body,
            timestamp: ts_text.map(str::trim),
            id,
            url: d.url.as_deref(),
            method: &d.method,
            headers: &d.headers,
        };
        let parts = self.template.render(&values).map_err(|what| {
            Verdict::new(
                Reason::MissingHeader,
                format!("the signed content needs a {what} the delivery does not carry"),
            )
        })?;
        let signed = parts.concat();
        let mut undecodable_secret = false;
        for secret in &keys.secrets {
            let Some(key) = self.key(secret) else {
                undecodable_secret = true;
                continue;
            };
            let mac = self.algorithm.hmac(&key, &parts);
            if decoded.iter().any(|c| crypto::ct_eq(c, &mac)) {
                let tolerance = opts.tolerance.or(self.info.tolerance_seconds);
                if let Some(at) = signed_at
                    && let Some(v) = crypto::check_timestamp(at, opts.now, tolerance, ts_header)
                {
                    return Ok(v.signed(signed));
                }
                return Ok(Verdict::ok(format!(
                    "{} matches HMAC-{} of {}",
                    self.header,
                    self.algorithm.name(),
                    self.template.source()
                ))
                .header(&self.header)
                .signed(signed));
            }
        }
        let mut v = Verdict::new(
            Reason::BadSignature,
            format!(
                "no signature in {} matches HMAC-{} of {} with the given secret{}",
                self.header,
                self.algorithm.name(),
                self.template.source(),
                if keys.secrets.len() > 1 { "s" } else { "" }
            ),
        )
        .header(&self.header)
        .signed(signed);
        if undecodable_secret {
            v = v.hint(
                "the secret is used base64-decoded by this scheme, and one given is not base64",
            );
        }
        if decoded
            .iter()
            .all(|c| c.len() != self.algorithm.output_len())
        {
            v = v.hint(format!(
                "the signature is {} bytes long, but HMAC-{} gives {}: the header holds another algorithm's signature",
                decoded[0].len(),
                self.algorithm.name(),
                self.algorithm.output_len()
            ));
        }
        Ok(v)
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

impl Scheme for HmacScheme {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let secret = req.require_secret(&self.info)?;
        let key = self.key(secret).ok_or_else(|| {
            SignError::BadKey(format!("the {} secret must be base64", self.info.name))
        })?;
        if self.template.uses(&Part::Url) && req.url.is_none() {
            return Err(SignError::MissingUrl(self.info.name.clone()));
        }
        let ts = self.time_format.render(req.timestamp);
        let values = Values {
            body: &req.body,
            timestamp: Some(&ts),
            id: Some(&req.id),
            url: req.url.as_deref(),
            method: &req.method,
            headers: &req.headers,
        };
        let parts = self.template.render(&values).map_err(|what| {
            SignError::Unsupported(format!(
                "{} signs a {what} header: pass it with -H",
                self.info.name
            ))
        })?;
        let sig = self.encoding.encode(&self.algorithm.hmac(&key, &parts));
        let mut headers = Headers::new();
        let value = match &self.format {
            SigFormat::Plain { prefix, .. } => format!("{prefix}{sig}"),
            SigFormat::Keyed {
                pair_separator,
                timestamp_key,
                signature_key,
            } => {
                format!("{timestamp_key}={ts}{pair_separator}{signature_key}={sig}")
            }
        };
        headers.push(&self.header, value);
        if let Some(h) = &self.timestamp_header {
            headers.push(h, ts.clone());
        }
        if let Some(h) = &self.id_header {
            headers.push(h, req.id.clone());
        }
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys, opts)
            .unwrap_or_else(|v| v)
    }
}

/// A declarative scheme with what its table row cannot say: no auto-detection (its signature
/// header is shared with another provider), and keys issued as base64.
pub(super) struct Tuned {
    inner: HmacScheme,
    info: Info,
    base64_keys: bool,
}

impl Tuned {
    pub(super) fn new(inner: HmacScheme) -> Self {
        let info = inner.info().clone();
        Tuned {
            inner,
            info,
            base64_keys: false,
        }
    }

    pub(super) fn undetected(mut self) -> Self {
        self.info.detect.clear();
        self
    }

    pub(super) fn base64_keys(mut self) -> Self {
        self.base64_keys = true;
        self
    }

    pub(super) fn arc(self) -> Arc<dyn Scheme> {
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

/// A user-defined HMAC scheme: `--provider generic` flags, or a `[schemes.NAME]` table in the
/// config file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericDef {
    pub header: String,
    #[serde(default = "default_algorithm")]
    pub algorithm: String,
    #[serde(default = "default_encoding")]
    pub encoding: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance_seconds: Option<u64>,
}

fn default_algorithm() -> String {
    "sha256".into()
}
fn default_encoding() -> String {
    "hex".into()
}

impl GenericDef {
    /// Builds the scheme, or says which field is wrong and what it accepts.
    pub fn build(&self, id: &str) -> Result<HmacScheme> {
        if self.header.trim().is_empty() {
            bail!("scheme '{id}' needs a signature header name (--header)");
        }
        Headers::parse_line(&format!("{}: x", self.header))?;
        // Each header carries one value: two roles sharing a name (any case) would make verify
        // read the signature as the timestamp, and the scheme reject what it signs itself.
        let roles = [
            ("timestamp_header", &self.timestamp_header),
            ("id_header", &self.id_header),
        ];
        let mut names = vec![("header", self.header.trim())];
        for (role, name) in roles {
            let Some(name) = name.as_deref() else {
                continue;
            };
            Headers::parse_line(&format!("{name}: x")).map_err(|_| {
                anyhow::anyhow!("scheme '{id}': {role} '{name}' is not a valid HTTP header name")
            })?;
            if let Some((other, _)) = names
                .iter()
                .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
            {
                bail!(
                    "scheme '{id}': {role} and {other} are both '{name}': each needs its own header"
                );
            }
            names.push((role, name.trim()));
        }
        let Some(algorithm) = Algorithm::parse(&self.algorithm) else {
            bail!(
                "scheme '{id}': unknown algorithm '{}': use sha1, sha256 or sha512",
                self.algorithm
            );
        };
        let Some(encoding) = Encoding::parse(&self.encoding) else {
            bail!(
                "scheme '{id}': unknown encoding '{}': use hex, base64 or base64url",
                self.encoding
            );
        };
        let default_template = if self.timestamp_header.is_some() {
            "{timestamp}.{body}"
        } else {
            "{body}"
        };
        let template_src = self.signed_template.as_deref().unwrap_or(default_template);
        let template = Template::parse(template_src)?;
        if template.uses(&Part::Timestamp) && self.timestamp_header.is_none() {
            bail!(
                "scheme '{id}': the signed template uses {{timestamp}}: name the header that carries it with --timestamp-header"
            );
        }
        if template.uses(&Part::Id) && self.id_header.is_none() {
            bail!(
                "scheme '{id}': the signed template uses {{id}}: name the header that carries it (id_header)"
            );
        }
        let mut s = HmacScheme::new(id, id, algorithm, encoding, &self.header);
        s.template = template;
        if let Some(p) = &self.prefix {
            // Leading whitespace never survives HTTP (values are trimmed on receipt), so a prefix
            // that starts with it could never match.
            s.format = SigFormat::Plain {
                prefix: p.trim_start().to_string(),
                separator: None,
            };
        }
        if let Some(h) = &self.timestamp_header {
            s.timestamp_header = Some(h.clone());
            s.info.tolerance_seconds = Some(self.tolerance_seconds.unwrap_or(300));
        }
        s.id_header = self.id_header.clone();
        s.info.docs = "user-defined scheme".into();
        Ok(s.refresh_info())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slack_like() -> HmacScheme {
        HmacScheme::new("t", "Test", Algorithm::Sha256, Encoding::Hex, "X-Sig")
            .prefix("v0=")
            .timestamp_header("X-Ts", TimeFormat::Seconds)
            .signs("v0:{timestamp}:{body}")
            .tolerance(300)
    }

    fn signed(s: &HmacScheme, body: &[u8], ts: i64, secret: &str) -> Delivery {
        let req = SignRequest {
            body: body.to_vec(),
            timestamp: ts,
            secret: Some(secret.into()),
            method: "POST".into(),
            ..Default::default()
        };
        let mut d = Delivery::new(body);
        d.headers = s.sign(&req).unwrap().headers;
        d
    }

    fn keys(s: &str) -> Keys {
        Keys {
            secrets: vec![s.into()],
            public_key: None,
        }
    }

    #[test]
    fn round_trip_and_each_failure_reason() {
        let s = slack_like();
        let d = signed(&s, b"hello", 1000, "k");
        assert_eq!(
            s.verify(&d, &keys("k"), &VerifyOptions::at(1100)).reason,
            Reason::Ok
        );
        assert_eq!(
            s.verify(&d, &keys("x"), &VerifyOptions::at(1100)).reason,
            Reason::BadSignature
        );
        assert_eq!(
            s.verify(&d, &keys("k"), &VerifyOptions::at(2000)).reason,
            Reason::ExpiredTimestamp
        );
        assert_eq!(
            s.verify(&d, &keys("k"), &VerifyOptions::at(0)).reason,
            Reason::FutureTimestamp
        );
        assert_eq!(
            s.verify(&d, &Keys::default(), &VerifyOptions::at(1100))
                .reason,
            Reason::MissingSecret
        );
        let mut tampered = d.clone();
        tampered.body = b"hellO".to_vec();
        assert_eq!(
            s.verify(&tampered, &keys("k"), &VerifyOptions::at(1100))
                .reason,
            Reason::BadSignature
        );
        let mut bad = d.clone();
        bad.headers.set("X-Sig", "v1=zz");
        assert_eq!(
            s.verify(&bad, &keys("k"), &VerifyOptions::at(1100)).reason,
            Reason::MalformedHeader
        );
        bad.headers.set("X-Sig", "v0=not-hex");
        assert_eq!(
            s.verify(&bad, &keys("k"), &VerifyOptions::at(1100)).reason,
            Reason::MalformedHeader
        );
        bad.headers.set("X-Ts", "soon");
        assert_eq!(
            s.verify(&bad, &keys("k"), &VerifyOptions::at(1100)).reason,
            Reason::MalformedHeader
        );
        bad.headers.remove("X-Ts");
        assert_eq!(
            s.verify(&bad, &keys("k"), &VerifyOptions::at(1100)).reason,
            Reason::MissingHeader
        );
    }

    #[test]
    fn rotation_accepts_any_secret() {
        let s = slack_like();
        let d = signed(&s, b"x", 1000, "new");
        let k = Keys {
            secrets: vec!["old".into(), "new".into()],
            public_key: None,
        };
        assert!(s.verify(&d, &k, &VerifyOptions::at(1000)).is_valid());
    }

    #[test]
    fn keyed_header_with_several_signatures() {
        let s = HmacScheme::new("t", "T", Algorithm::Sha256, Encoding::Hex, "Sig")
            .keyed(',', "t", "v1")
            .signs("{timestamp}.{body}")
            .tolerance(300);
        let d = signed(&s, b"{}", 50, "k");
        let v = d.headers.get("Sig").unwrap().to_string();
        let mut two = d.clone();
        two.headers
            .set("Sig", format!("t=50,v1=deadbeef,{}", &v[5..]));
        assert!(
            s.verify(&two, &keys("k"), &VerifyOptions::at(60))
                .is_valid()
        );
        two.headers.set("Sig", "v1=abcd");
        assert_eq!(
            s.verify(&two, &keys("k"), &VerifyOptions::at(60)).reason,
            Reason::MalformedHeader
        );
    }

    #[test]
    fn generic_definitions_are_checked() {
        let ok = GenericDef {
            header: "X-Signature".into(),
            algorithm: "sha512".into(),
            encoding: "base64".into(),
            ..Default::default()
        };
        assert!(ok.build("mine").is_ok());
        let bad_alg = GenericDef {
            algorithm: "md5".into(),
            ..ok.clone()
        };
        assert!(
            bad_alg
                .build("mine")
                .unwrap_err()
                .to_string()
                .contains("sha1, sha256 or sha512")
        );
        let needs_ts = GenericDef {
            signed_template: Some("{timestamp}{body}".into()),
            ..ok.clone()
        };
        assert!(needs_ts.build("mine").is_err());
        let bad_header = GenericDef {
            header: "Bad Header".into(),
            ..ok
        };
        assert!(bad_header.build("mine").is_err());
    }

    /// Found by fuzz/generic_def: schemes that built but rejected their own signatures.
    #[test]
    fn generic_schemes_verify_what_they_sign() {
        let base = GenericDef {
            header: "X-S".into(),
            algorithm: "sha256".into(),
            encoding: "hex".into(),
            ..Default::default()
        };
        assert!(base.build("mine").is_ok());
        let ts_is_sig = GenericDef {
            timestamp_header: Some("x-s".into()),
            ..base.clone()
        };
        assert!(
            ts_is_sig
                .build("mine")
                .unwrap_err()
                .to_string()
                .contains("each needs its own header")
        );
        let id_is_ts = GenericDef {
            timestamp_header: Some("X-T".into()),
            id_header: Some("X-T".into()),
            signed_template: Some("{id}.{timestamp}.{body}".into()),
            ..base.clone()
        };
        assert!(
            id_is_ts
                .build("mine")
                .unwrap_err()
                .to_string()
                .contains("each needs its own header")
        );
        let bad_ts = GenericDef {
            timestamp_header: Some("X T".into()),
            ..base.clone()
        };
        assert!(
            bad_ts
                .build("mine")
                .unwrap_err()
                .to_string()
                .contains("not a valid HTTP header name")
        );

        let spaced = GenericDef {
            prefix: Some(" v1=".into()),
            ..base
        };
        let s = spaced.build("mine").unwrap();
        let d = signed(&s, b"body", 0, "k");
        assert_eq!(d.headers.get("X-S").unwrap().len(), "v1=".len() + 64);
        assert!(s.verify(&d, &keys("k"), &VerifyOptions::at(0)).is_valid());
    }

    #[test]
    fn time_formats_round_trip() {
        for f in [TimeFormat::Seconds, TimeFormat::Millis, TimeFormat::Rfc3339] {
            assert_eq!(f.parse(&f.render(1_700_000_000)), Some(1_700_000_000));
        }
        assert_eq!(
            TimeFormat::Rfc3339.parse("2020-01-01T09:15:00-08:00"),
            Some(1577898900)
        );
    }

    #[test]
    fn millisecond_rendering_saturates_instead_of_overflowing() {
        assert_eq!(TimeFormat::Millis.render(i64::MAX), i64::MAX.to_string());
        assert_eq!(TimeFormat::Millis.render(i64::MIN), i64::MIN.to_string());
    }
}
