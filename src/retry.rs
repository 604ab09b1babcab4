//! Retries with exponential backoff and full jitter, honouring `Retry-After`: how `trigger`
//! delivers, so a flaky receiver sees what a real provider would send it.

use std::future::Future;
use std::time::Duration;

use anyhow::Result;

use crate::store::{Record, Status};

#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Retries after the first attempt (`--retries N`: N + 1 attempts at most).
    pub retries: u32,
    /// The first backoff (`--backoff`).
    pub base: Duration,
    /// The largest backoff (`--max-backoff`); `Retry-After` is honoured beyond it.
    pub max: Duration,
}

impl Policy {
    /// The wait before retry number `retry` (1-based): uniform in [0, min(max, base × 2^(retry-1))]
    /// ("full jitter"), so many failing deliveries do not retry in lockstep.
    pub fn backoff(&self, retry: u32, unit_random: f64) -> Duration {
        let exp = self.base.saturating_mul(
            1u32.checked_shl(retry.saturating_sub(1))
                .unwrap_or(u32::MAX),
        );
        exp.min(self.max).mul_f64(unit_random.clamp(0.0, 1.0))
    }
}

/// What one attempt came to: done, or worth another try (after this long, if it said).
pub enum Attempt<T> {
    Done(T),
    Again(T, Option<Duration>),
}

/// Calls `attempt(n, retries_left, so_far)` (n from 1; `so_far` the earlier attempts' outcomes)
/// until it is done or the retries are spent, waiting the backoff (or the wait the attempt asked
/// for) in between; returns every outcome, oldest first. The one loop behind HTTP deliveries and
/// any other channel (SMTP).
pub async fn with_backoff<T, F, Fut>(policy: Policy, mut attempt: F) -> Result<Vec<T>>
where
    F: FnMut(u32, bool, &[T]) -> Fut,
    Fut: Future<Output = Result<Attempt<T>>>,
{
    let mut outcomes = Vec::new();
    for n in 1..=policy.retries + 1 {
        match attempt(n, n <= policy.retries, &outcomes).await? {
            Attempt::Done(t) => {
                outcomes.push(t);
                break;
            }
            Attempt::Again(t, asked) => {
                outcomes.push(t);
                if n > policy.retries {
                    break;
                }
                let wait = asked.unwrap_or_else(|| policy.backoff(n, rand::random::<f64>()));
                tokio::time::sleep(wait).await;
            }
        }
    }
    Ok(outcomes)
}

/// Sends with `send(attempt, retries_left, first)` until a 2xx, a failure not worth retrying, or
/// the last attempt; `first` is the first attempt's record id on a retry, for its `retry_of`.
/// Returns every attempt's record, oldest first.
pub async fn deliver<F, Fut>(policy: Policy, mut send: F) -> Result<Vec<Record>>
where
    F: FnMut(u32, bool, Option<String>) -> Fut,
    Fut: Future<Output = Result<Record>>,
{
    with_backoff(policy, |attempt, retries_left, so_far: &[Record]| {
        let first = so_far.first().map(|r| r.id.clone());
        let sent = send(attempt, retries_left, first);
        async move {
            let record = sent.await?;
            if record.status != Status::Failed {
                return Ok(Attempt::Done(record));
            }
            let asked = record
                .response
                .as_ref()
                .and_then(|r| crate::http::retry_after(&r.headers));
            Ok(Attempt::Again(record, asked))
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Headers;
    use crate::store::{Body, RequestPart, ResponsePart, Source};

    fn answer(status: u16, retry_after: Option<&str>, retries_left: bool) -> Record {
        let mut r = Record::new(
            Source::Trigger,
            RequestPart {
                method: "POST".into(),
                url: "http://x/".into(),
                headers: Headers::new(),
                body: Body::default(),
            },
        );
        let headers: Headers = retry_after
            .map(|v| ("Retry-After", v))
            .into_iter()
            .collect();
        r.response = Some(ResponsePart {
            status,
            headers,
            body: Body::default(),
        });
        r.status = if status < 300 {
            Status::Delivered
        } else if retries_left && crate::http::retryable_status(status) {
            Status::Failed
        } else {
            Status::Dead
        };
        r
    }

    fn policy(retries: u32) -> Policy {
        Policy {
            retries,
            base: Duration::from_millis(500),
            max: Duration::from_secs(30),
        }
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_with_full_jitter() {
        let p = policy(10);
        assert_eq!(p.backoff(1, 1.0), Duration::from_millis(500));
        assert_eq!(p.backoff(3, 1.0), Duration::from_secs(2));
        assert_eq!(p.backoff(20, 1.0), Duration::from_secs(30));
        assert_eq!(p.backoff(3, 0.0), Duration::ZERO);
        assert_eq!(p.backoff(3, 0.5), Duration::from_secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn retries_until_success_and_honours_retry_after() {
        let statuses = [503, 429, 200];
        let started = tokio::time::Instant::now();
        let records = deliver(policy(5), |attempt, left, _| {
            let status = statuses[attempt as usize - 1];
            async move { Ok(answer(status, (status == 429).then_some("7"), left)) }
        })
        .await
        .unwrap();
        assert_eq!(
            records.iter().map(|r| r.status).collect::<Vec<_>>(),
            [Status::Failed, Status::Failed, Status::Delivered]
        );
        // The first wait is jittered (≤ 500 ms); the second is exactly Retry-After's 7 s.
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_secs(7) && waited <= Duration::from_millis(7500),
            "{waited:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn gives_up_dead_after_the_last_retry() {
        let records = deliver(policy(2), |_, left, _| async move {
            Ok(answer(500, None, left))
        })
        .await
        .unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records.last().unwrap().status, Status::Dead);
    }

    #[tokio::test(start_paused = true)]
    async fn a_client_error_is_not_retried() {
        let records = deliver(policy(5), |_, left, _| async move {
            Ok(answer(400, None, left))
        })
        .await
        .unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].status, Status::Dead);
    }
}
