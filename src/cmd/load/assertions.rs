//! `--assert` thresholds: parsed before the run (a typo is exit 2, not a wasted run), checked
//! against the report after it.

use anyhow::Result;

use super::report::Summary;
use crate::bail_usage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

/// One threshold, e.g. `p99<200ms`.
#[derive(Debug, Clone, PartialEq)]
pub struct Assertion {
    pub expr: String,
    metric: String,
    op: Op,
    /// In the metric's unit: milliseconds for latencies, percent for success, plain otherwise.
    value: f64,
}

const LATENCIES: &[&str] = &["min", "p50", "p90", "p95", "p99", "p999", "max", "mean"];
const OTHERS: &[&str] = &["success", "rps", "errors", "requests", "late"];

impl Assertion {
    pub fn parse(expr: &str) -> Result<Assertion> {
        let text: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(at) = text.find(['<', '>', '=']) else {
            bail_usage!(
                "--assert '{expr}' has no comparison: write METRIC OP VALUE, e.g. 'p99<200ms', 'success>=99.9%', 'rps>=500'"
            );
        };
        let metric = text[..at].to_ascii_lowercase().replace("p99.9", "p999");
        let rest = &text[at..];
        let (op, value) = [
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("==", Op::Eq),
            ("<", Op::Lt),
            (">", Op::Gt),
        ]
        .into_iter()
        .find_map(|(s, op)| rest.strip_prefix(s).map(|v| (op, v)))
        .unwrap_or((Op::Eq, ""));
        if !LATENCIES.contains(&metric.as_str()) && !OTHERS.contains(&metric.as_str()) {
            bail_usage!(
                "--assert '{expr}': unknown metric '{metric}'; use one of {}, {}",
                LATENCIES.join(", "),
                OTHERS.join(", ")
            );
        }
        let value = parse_value(&metric, value)
            .ok_or_else(|| crate::output::usage(format!(
                "--assert '{expr}': '{value}' is not a value for {metric} (latencies: 200ms, 1.5s, 250us; success: 99.9%; rps, errors, requests, late: a number)"
            )))?;
        Ok(Assertion {
            expr: expr.trim().to_string(),
            metric,
            op,
            value,
        })
    }

    /// The measured value this assertion reads.
    pub fn measured(&self, s: &Summary) -> f64 {
        match self.metric.as_str() {
            "min" => s.latency_ms.min,
            "p50" => s.latency_ms.p50,
            "p90" => s.latency_ms.p90,
            "p95" => s.latency_ms.p95,
            "p99" => s.latency_ms.p99,
            "p999" => s.latency_ms.p999,
            "max" => s.latency_ms.max,
            "mean" => s.mean_ms,
            "success" => s.success_pct,
            "rps" => s.rps,
            "errors" => s.errors.values().sum::<u64>() as f64,
            "requests" => s.requests as f64,
            "late" => s.late as f64,
            _ => f64::NAN,
        }
    }

    /// The unit `measured` is in, for the human report.
    pub fn unit(&self) -> &'static str {
        match self.metric.as_str() {
            m if LATENCIES.contains(&m) => " ms",
            "success" => " %",
            "rps" => " req/s",
            _ => "",
        }
    }

    pub fn holds(&self, s: &Summary) -> bool {
        let m = self.measured(s);
        match self.op {
            Op::Lt => m < self.value,
            Op::Le => m <= self.value,
            Op::Gt => m > self.value,
            Op::Ge => m >= self.value,
            Op::Eq => (m - self.value).abs() < 1e-9,
        }
    }
}

fn parse_value(metric: &str, v: &str) -> Option<f64> {
    let num = |t: &str| t.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0);
    if LATENCIES.contains(&metric) {
        // A bare number is milliseconds, the unit the report prints.
        for (unit, scale) in [("ms", 1.0), ("us", 0.001), ("µs", 0.001), ("s", 1000.0)] {
            if let Some(n) = v.strip_suffix(unit) {
                return num(n).map(|n| n * scale);
            }
        }
        return num(v);
    }
    if metric == "success" {
        return num(v.strip_suffix('%').unwrap_or(v)).filter(|p| *p <= 100.0);
    }
    num(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_form_parses() {
        for (e, metric, value) in [
            ("p99<200ms", "p99", 200.0),
            ("p99.9 <= 1.5s", "p999", 1500.0),
            ("p50<250us", "p50", 0.25),
            ("max<20", "max", 20.0),
            ("success>=99.9%", "success", 99.9),
            ("rps>=500", "rps", 500.0),
            ("errors==0", "errors", 0.0),
        ] {
            let a = Assertion::parse(e).unwrap();
            assert_eq!((a.metric.as_str(), a.value), (metric, value), "{e}");
        }
    }

    #[test]
    fn malformed_ones_are_usage_errors() {
        for e in [
            "p99",
            "p98<1ms",
            "p99<fast",
            "success>=120%",
            "rps>=-1",
            "p99=<1ms",
            "<5",
        ] {
            let err = Assertion::parse(e).unwrap_err();
            assert!(err.is::<crate::output::UsageError>(), "{e}: {err}");
        }
    }
}
