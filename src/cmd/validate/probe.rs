//! Sending one probe delivery to the endpoint under test, and reading its answer: every probe
//! goes through the one HTTP module and lands in the delivery log with `source: validate`.

use std::time::Duration;

use anyhow::Result;

use crate::cmd::endpoints::Endpoint;
use crate::cmd::sample::{Sampler, Unsigned};
use crate::http::{Outgoing, Sender};
use crate::message::{Delivery, Headers};
use crate::store::{Record, Source};

/// What one endpoint's probes share.
pub struct Prober<'a> {
    pub endpoint: &'a Endpoint,
    pub sampler: &'a Sampler,
    pub sender: &'a Sender,
    pub timeout: Duration,
}

/// What came back.
#[derive(Debug, Clone)]
pub enum Answer {
    Http {
        status: u16,
        location: Option<String>,
        ms: f64,
        /// The start of the body, for the report (an error page often says what is wrong).
        snippet: String,
    },
    /// No answer: the connection failed or the timeout passed.
    Error(String),
}

impl Answer {
    /// What a sent request's record says came back.
    pub fn of(r: &Record) -> Answer {
        match &r.response {
            Some(resp) => {
                let text = String::from_utf8_lossy(&resp.body.0);
                let mut snippet: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if snippet.chars().count() > 80 {
                    snippet = snippet.chars().take(77).collect::<String>() + "...";
                }
                Answer::Http {
                    status: resp.status,
                    location: resp.headers.get("Location").map(str::to_string),
                    ms: r.duration_ms.unwrap_or_default(),
                    snippet,
                }
            }
            None => Answer::Error(r.error.clone().unwrap_or_else(|| "no answer".into())),
        }
    }

    pub fn is_2xx(&self) -> bool {
        matches!(self, Answer::Http { status, .. } if (200..300).contains(status))
    }

    pub fn ms(&self) -> Option<f64> {
        match self {
            Answer::Http { ms, .. } => Some(*ms),
            Answer::Error(_) => None,
        }
    }

    /// "answered 401 in 3 ms", "answered 301 (to https://…)", or the error.
    pub fn describe(&self) -> String {
        match self {
            Answer::Http {
                status,
                location,
                ms,
                snippet,
            } => {
                let to = location
                    .as_deref()
                    .map(|l| format!(" (to {l})"))
                    .unwrap_or_default();
                // A short text answer often says what is wrong; an HTML error page says nothing.
                let said = if snippet.is_empty()
                    || snippet.starts_with('<')
                    || (200..300).contains(status)
                {
                    String::new()
                } else {
                    format!(": \"{snippet}\"")
                };
                format!("answered {status}{to} in {}{said}", ms_text(*ms))
            }
            Answer::Error(e) => format!("got no answer ({e})"),
        }
    }
}

/// "3.2 ms" below a second, "1.40 s" above.
pub fn ms_text(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else {
        format!("{ms:.1} ms")
    }
}

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Prober<'_> {
    pub fn fresh(&self) -> Result<Unsigned> {
        self.sampler.fresh()
    }

    /// `unsigned` signed at `timestamp`, as the provider would.
    pub fn sign(&self, unsigned: &Unsigned, timestamp: i64) -> Result<Delivery> {
        self.sampler.sign(unsigned, &self.endpoint.url, timestamp)
    }

    /// A fresh delivery, correctly signed now.
    pub fn valid(&self) -> Result<Delivery> {
        self.sign(&self.fresh()?, now())
    }

    /// Sends a delivery (POST, as signed) and records it.
    pub async fn send(&self, d: Delivery) -> Result<Answer> {
        let mut out = self
            .sampler
            .outgoing(d, &self.endpoint.url, Source::Validate);
        out.timeout = self.timeout;
        Ok(Answer::of(&self.sender.send(out).await?))
    }

    /// A plain request without a body (the health probe).
    pub async fn plain(&self, method: &str) -> Result<Answer> {
        let mut out = Outgoing::new(
            Source::Validate,
            method,
            &self.endpoint.url,
            Headers::new(),
            Vec::new(),
        );
        out.timeout = self.timeout;
        Ok(Answer::of(&self.sender.send(out).await?))
    }
}
