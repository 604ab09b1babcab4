//! Sending one probe delivery to the endpoint under test, and reading its answer: every probe
//! goes through the one HTTP module and lands in the delivery log with `source: validate`.

use std::time::Duration;

use anyhow::Result;

use crate::cmd::shared::answer::Answer;
use crate::cmd::shared::endpoints::Endpoint;
use crate::cmd::shared::sample::{Sampler, Unsigned};
use crate::http::{Outgoing, Sender};
use crate::message::{Delivery, Headers};
use crate::store::Source;

/// What one endpoint's probes share.
pub struct Prober<'a> {
    pub endpoint: &'a Endpoint,
    pub sampler: &'a Sampler,
    pub sender: &'a Sender,
    pub timeout: Duration,
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
