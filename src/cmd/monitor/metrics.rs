//! Prometheus metrics of the monitor (up, probe latency histogram, probes by result,
//! availability) and the small HTTP server that serves them at /metrics.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use anyhow::Result;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tokio_util::sync::CancellationToken;

use super::state::{Health, Sample, Tracker};

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EndpointLabels {
    endpoint: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CheckLabels {
    endpoint: String,
    result: String,
}

/// The metric families, cheap to clone and share with the server.
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    up: Family<EndpointLabels, Gauge>,
    availability: Family<EndpointLabels, Gauge<f64, AtomicU64>>,
    latency: Family<EndpointLabels, Histogram>,
    checks: Family<CheckLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::default();
        let up = Family::<EndpointLabels, Gauge>::default();
        let availability = Family::<EndpointLabels, Gauge<f64, AtomicU64>>::default();
        // 5 ms to ~20 s: from a local handler to a provider's timeout.
        let latency = Family::<EndpointLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.005, 2.0, 13))
        });
        let checks = Family::<CheckLabels, Counter>::default();
        registry.register(
            "hookctl_endpoint_up",
            "1 unless the endpoint is down (failed probes in a row)",
            up.clone(),
        );
        registry.register(
            "hookctl_endpoint_availability_ratio",
            "Share of successful probes over the sliding window",
            availability.clone(),
        );
        registry.register(
            "hookctl_probe_duration_seconds",
            "Time to the endpoint's answer, for probes that got one",
            latency.clone(),
        );
        registry.register(
            "hookctl_checks",
            "Probes sent, by result (success or failure)",
            checks.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            up,
            availability,
            latency,
            checks,
        }
    }

    /// Counts one probe and updates the endpoint's gauges.
    pub fn observe(&self, endpoint: &str, sample: &Sample, tracker: &Tracker) {
        let labels = EndpointLabels {
            endpoint: endpoint.to_string(),
        };
        self.up
            .get_or_create(&labels)
            .set(i64::from(tracker.health != Health::Down));
        self.availability
            .get_or_create(&labels)
            .set(tracker.availability());
        if let Some(ms) = sample.ms {
            self.latency.get_or_create(&labels).observe(ms / 1000.0);
        }
        self.checks
            .get_or_create(&CheckLabels {
                endpoint: endpoint.to_string(),
                result: if sample.ok { "success" } else { "failure" }.to_string(),
            })
            .inc();
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

/// Serves `/metrics` on `listener` until `shutdown`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    metrics: Metrics,
    shutdown: CancellationToken,
) -> Result<()> {
    use axum::http::header::CONTENT_TYPE;
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let body = metrics.render();
            async move {
                (
                    [(
                        CONTENT_TYPE,
                        "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    )],
                    body,
                )
            }
        }),
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await?;
    Ok(())
}
