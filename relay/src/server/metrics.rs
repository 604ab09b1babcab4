//! The relay's Prometheus metrics (`GET /metrics`): tunnels, requests by status, bytes, latency,
//! the offline buffer, and the certificates served (their expiry, and ACME orders placed).

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

type StatusLabel = [(&'static str, u16); 1];
type NameLabel = [(&'static str, String); 1];

pub struct Metrics {
    registry: Registry,
    pub tunnels: Gauge,
    requests: Family<StatusLabel, Counter>,
    pub bytes_in: Counter,
    pub bytes_out: Counter,
    latency: Histogram,
    pub buffered: Gauge,
    certificate_expiry: Family<NameLabel, Gauge>,
    pub acme_orders: Counter,
    /// A cluster node's own: tunnels whose lease it holds, forwards to other nodes and how long
    /// their answers took, leases lost, and the age of the oldest buffered request.
    pub tunnels_held: Gauge,
    forwards: Counter,
    forward_latency: Histogram,
    pub lease_losses: Counter,
    pub buffer_oldest_age: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("hookctl_relay");
        let tunnels = Gauge::default();
        let requests = Family::<StatusLabel, Counter>::default();
        let bytes_in = Counter::default();
        let bytes_out = Counter::default();
        // 100 µs to ~52 s: a loopback hop up to a request that waits out the timeout.
        let latency = Histogram::new(exponential_buckets(0.0001, 2.0, 20));
        let buffered = Gauge::default();
        let certificate_expiry = Family::<NameLabel, Gauge>::default();
        let acme_orders = Counter::default();
        registry.register(
            "certificate_expiry_seconds",
            "When the certificate served for a name expires, in seconds since the Unix epoch",
            certificate_expiry.clone(),
        );
        registry.register(
            "acme_orders",
            "Certificate orders placed with the ACME CA",
            acme_orders.clone(),
        );
        registry.register(
            "tunnels_connected",
            "Tunnel clients connected now",
            tunnels.clone(),
        );
        registry.register(
            "requests",
            "Public requests answered, by HTTP status",
            requests.clone(),
        );
        registry.register(
            "request_bytes",
            "Request body bytes received from senders",
            bytes_in.clone(),
        );
        registry.register(
            "response_bytes",
            "Response body bytes sent back to senders",
            bytes_out.clone(),
        );
        registry.register(
            "request_duration_seconds",
            "Time from a request's arrival to its response head",
            latency.clone(),
        );
        registry.register(
            "buffered_requests",
            "Requests waiting in the offline buffer",
            buffered.clone(),
        );
        let tunnels_held = Gauge::default();
        let forwards = Counter::default();
        let forward_latency = Histogram::new(exponential_buckets(0.00005, 2.0, 20));
        let lease_losses = Counter::default();
        let buffer_oldest_age = Gauge::default();
        registry.register(
            "cluster_tunnels_held",
            "Tunnels whose lease this cluster node holds",
            tunnels_held.clone(),
        );
        registry.register(
            "cluster_forwards",
            "Requests this node forwarded to the node holding their tunnel",
            forwards.clone(),
        );
        registry.register(
            "cluster_forward_duration_seconds",
            "Time from a forward's start to the holder's answer head",
            forward_latency.clone(),
        );
        registry.register(
            "cluster_lease_losses",
            "Tunnel leases this node lost to another node or to a Redis outage",
            lease_losses.clone(),
        );
        registry.register(
            "buffer_oldest_age_seconds",
            "Age of the oldest request in the offline buffer",
            buffer_oldest_age.clone(),
        );
        Metrics {
            tunnels_held,
            forwards,
            forward_latency,
            lease_losses,
            buffer_oldest_age,
            registry,
            tunnels,
            requests,
            bytes_in,
            bytes_out,
            latency,
            buffered,
            certificate_expiry,
            acme_orders,
        }
    }
}

impl Metrics {
    pub fn answered(&self, status: u16, seconds: f64) {
        self.requests.get_or_create(&[("status", status)]).inc();
        self.latency.observe(seconds);
    }

    /// A forward to another node answered after `seconds`.
    pub fn forwarded(&self, seconds: f64) {
        self.forwards.inc();
        self.forward_latency.observe(seconds);
    }

    pub fn certificate(&self, name: &str, expires_unix: i64) {
        self.certificate_expiry
            .get_or_create(&[("name", name.to_string())])
            .set(expires_unix);
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_family_in_prometheus_text() {
        let m = Metrics::default();
        m.answered(200, 0.002);
        m.answered(504, 30.0);
        m.tunnels.inc();
        m.bytes_in.inc_by(10);
        m.certificate("hooks.example.com", 1_800_000_000);
        m.acme_orders.inc();
        let text = m.render();
        for needle in [
            "hookctl_relay_tunnels_connected 1",
            "hookctl_relay_requests_total{status=\"200\"} 1",
            "hookctl_relay_requests_total{status=\"504\"} 1",
            "hookctl_relay_request_bytes_total 10",
            "hookctl_relay_request_duration_seconds_count 2",
            "hookctl_relay_buffered_requests 0",
            "hookctl_relay_certificate_expiry_seconds{name=\"hooks.example.com\"} 1800000000",
            "hookctl_relay_acme_orders_total 1",
        ] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
    }
}
