//! The checks `validate` knows, their order, and what one result looks like.

use serde::Serialize;

/// Every check, in the order they run: transport first (a host that does not resolve fails
/// nothing else), then what the endpoint does with deliveries.
pub const ALL: &[&str] = &[
    "dns",
    "reachable",
    "tls",
    "signed_delivery",
    "rejects_bad_signature",
    "rejects_missing_signature",
    "rejects_stale_timestamp",
    "rejects_future_timestamp",
    "rejects_modified_body",
    "duplicate_delivery",
    "large_payload",
    "no_redirect",
    "health_probe",
    "latency",
];

/// `pass`, `warn` and `fail` are the verdicts; `skip` is a check that did not apply or could not
/// run (the reason says which), `info` reports without judging. `advice` is an endpoint doing
/// what its provider's official SDK does where hookctl would check more: `--strict` does not
/// count it, since a handler written as the provider documents must pass. Only `fail` (and
/// `warn` under `--strict`) fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skip,
    Info,
    Advice,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Skip => "skip",
            Status::Info => "info",
            Status::Advice => "advice",
        }
    }

    /// Whether this result fails the run.
    pub fn fails(self, strict: bool) -> bool {
        self == Status::Fail || (strict && self == Status::Warn)
    }
}

/// One check's result, as the JSON output carries it.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub id: &'static str,
    pub status: Status,
    pub detail: String,
    pub duration_ms: f64,
}

/// The checks to run from `--checks` and `--skip`; an unknown id is a usage error listing the
/// known ones.
pub fn select(only: &[String], skip: &[String]) -> anyhow::Result<Vec<&'static str>> {
    let known = |id: &String| -> anyhow::Result<&'static str> {
        let id = id.trim();
        ALL.iter().copied().find(|k| *k == id).ok_or_else(|| {
            crate::output::usage(format!(
                "unknown check '{id}'; the checks are: {}",
                ALL.join(", ")
            ))
        })
    };
    let only = only
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(known)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let skip = skip
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(known)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let chosen: Vec<&'static str> = ALL
        .iter()
        .copied()
        .filter(|id| only.is_empty() || only.contains(id))
        .filter(|id| !skip.contains(id))
        .collect();
    if chosen.is_empty() {
        crate::bail_usage!("--checks and --skip leave no check to run");
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn selection_keeps_the_run_order_and_rejects_unknown_ids() {
        assert_eq!(select(&[], &[]).unwrap(), ALL);
        assert_eq!(
            select(&s(&["latency", "dns"]), &[]).unwrap(),
            vec!["dns", "latency"]
        );
        assert!(!select(&[], &s(&["tls"])).unwrap().contains(&"tls"));
        let e = select(&s(&["signature"]), &[]).unwrap_err().to_string();
        assert!(e.contains("unknown check 'signature'") && e.contains("rejects_bad_signature"));
        assert!(select(&s(&["dns"]), &s(&["dns"])).is_err());
    }

    #[test]
    fn only_fail_fails_unless_strict() {
        assert!(Status::Fail.fails(false));
        assert!(!Status::Warn.fails(false));
        assert!(Status::Warn.fails(true));
        assert!(!Status::Skip.fails(true) && !Status::Info.fails(true));
        assert!(!Status::Advice.fails(true));
    }
}
