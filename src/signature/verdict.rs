//! The outcome of a verification: valid or not, the most specific reason, and the evidence.

use serde::Serialize;

/// Why a delivery is (in)valid — the `reason` field of `verify --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Ok,
    BadSignature,
    WrongSecret,
    BodyModified,
    UrlModified,
    ExpiredTimestamp,
    FutureTimestamp,
    MissingHeader,
    MalformedHeader,
    MissingSecret,
    WrongKey,
    Unsupported,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Ok => "ok",
            Reason::BadSignature => "bad_signature",
            Reason::WrongSecret => "wrong_secret",
            Reason::BodyModified => "body_modified",
            Reason::UrlModified => "url_modified",
            Reason::ExpiredTimestamp => "expired_timestamp",
            Reason::FutureTimestamp => "future_timestamp",
            Reason::MissingHeader => "missing_header",
            Reason::MalformedHeader => "malformed_header",
            Reason::MissingSecret => "missing_secret",
            Reason::WrongKey => "wrong_key",
            Reason::Unsupported => "unsupported",
        }
    }

    /// Reasons that mean the input cannot be checked at all (exit 2), not a negative verdict.
    pub fn is_unusable_input(self) -> bool {
        matches!(self, Reason::MissingSecret | Reason::Unsupported)
    }
}

/// A verification result with what a human needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub reason: Reason,
    /// One sentence for a human.
    pub detail: String,
    /// The header the signature was read from.
    pub header: Option<String>,
    /// What was signed, as the scheme builds it (shortened for display by the renderer).
    pub signed: Option<Vec<u8>>,
    /// Likely causes, most likely first (filled by `diagnose`).
    pub hints: Vec<String>,
    /// For a verdict on the time: how long ago the delivery was signed, in seconds (negative when
    /// dated in the future), so a caller can judge it by another rule than the window's.
    pub age: Option<i64>,
}

impl Verdict {
    pub fn new(reason: Reason, detail: impl Into<String>) -> Self {
        Verdict {
            reason,
            detail: detail.into(),
            header: None,
            signed: None,
            hints: Vec::new(),
            age: None,
        }
    }

    pub fn ok(detail: impl Into<String>) -> Self {
        Self::new(Reason::Ok, detail)
    }

    pub fn is_valid(&self) -> bool {
        self.reason == Reason::Ok
    }

    pub fn header(mut self, name: impl Into<String>) -> Self {
        self.header = Some(name.into());
        self
    }

    pub fn signed(mut self, content: impl Into<Vec<u8>>) -> Self {
        self.signed = Some(content.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn missing_header(name: &str) -> Self {
        Self::new(
            Reason::MissingHeader,
            format!("the delivery has no {name} header"),
        )
        .header(name)
    }

    pub fn malformed_header(name: &str, why: impl std::fmt::Display) -> Self {
        Self::new(Reason::MalformedHeader, format!("{name} {why}")).header(name)
    }

    pub fn missing_secret(provider: &str) -> Self {
        Self::new(
            Reason::MissingSecret,
            format!(
                "{provider} signatures are checked with a secret: pass --secret (or set HOOKCTL_SECRET)"
            ),
        )
    }

    pub fn missing_public_key(provider: &str) -> Self {
        Self::new(
            Reason::MissingSecret,
            format!(
                "{provider} signatures are checked with the provider's public key: pass --public-key"
            ),
        )
    }
}
