//! The relay's flags, shared by `hookctl-relay` and `hookctl relay`, and their validation.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};

use crate::values::{
    at_least, between, parse_domain, parse_listen_addr, parse_positive_duration, parse_size,
};

/// Let's Encrypt's production directory, the ACME default.
pub const LETS_ENCRYPT: &str = "https://acme-v02.api.letsencrypt.org/directory";

#[derive(Debug, Clone, Args)]
pub struct RelayOptions {
    /// Address to listen on; a host name (localhost:8787) binds its first IPv4 address.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8787", value_parser = parse_listen_addr)]
    pub listen: SocketAddr,

    /// The public base URL senders use [default: derived from --listen].
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,

    /// A token tunnel clients must present; repeatable. Without tokens the relay is open.
    #[arg(
        long = "token",
        value_name = "T",
        env = "HOOKCTL_RELAY_TOKEN",
        hide_env_values = true
    )]
    pub tokens: Vec<String>,

    /// A file with one token per line.
    #[arg(long, value_name = "FILE")]
    pub tokens_file: Option<PathBuf>,

    /// Largest request body accepted (25MiB, 10MB, or bytes).
    #[arg(long, value_name = "SIZE", default_value = "25MiB", value_parser = parse_size, allow_hyphen_values = true)]
    pub max_body: u64,

    /// How long a sender waits for the client's answer before 504.
    #[arg(long, value_name = "DUR", default_value = "30s", value_parser = parse_positive_duration, allow_hyphen_values = true)]
    pub request_timeout: Duration,

    /// What happens to requests for a tunnel whose client is away [default: buffer with --data-dir, else reject].
    #[arg(long, value_enum, value_name = "MODE")]
    pub offline: Option<OfflineMode>,

    /// How long a buffered request is kept.
    #[arg(long, value_name = "DUR", default_value = "24h", value_parser = parse_positive_duration, allow_hyphen_values = true)]
    pub buffer_ttl: Duration,

    /// Most requests buffered per tunnel.
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = at_least::<u64>(0), allow_negative_numbers = true)]
    pub buffer_max: u64,

    /// Where buffered requests and reserved tunnel names are kept.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Most requests one tunnel may have in flight; past it senders get 503.
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = at_least::<usize>(1), allow_negative_numbers = true)]
    pub max_in_flight: usize,

    /// How long a sender may take to send its request headers (slow clients are cut off).
    #[arg(long, value_name = "DUR", default_value = "10s", value_parser = parse_positive_duration, allow_hyphen_values = true)]
    pub header_timeout: Duration,

    /// PEM certificate chain, to serve HTTPS directly (with --tls-key); read again when the
    /// file changes. With --domain, a wildcard certificate serves every tunnel subdomain.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key for --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// The relay's DNS name: HTTPS by ACME (Let's Encrypt) unless --tls-cert is given, and
    /// tunnel NAME also served at https://NAME.HOST. Needs --data-dir for the certificate.
    #[arg(long, value_name = "HOST", value_parser = parse_domain)]
    pub domain: Option<String>,

    /// The ACME directory certificates come from [default: Let's Encrypt,
    /// https://acme-v02.api.letsencrypt.org/directory; staging, for trials:
    /// https://acme-staging-v02.api.letsencrypt.org/directory].
    #[arg(long, value_name = "URL", requires = "domain")]
    pub acme_directory: Option<String>,

    /// Contact address given to the ACME CA (expiry warnings, policy news).
    #[arg(long, value_name = "EMAIL", requires = "domain")]
    pub acme_email: Option<String>,

    /// A PEM CA certificate to trust for the ACME server (a private CA, e.g. pebble).
    #[arg(
        long,
        value_name = "FILE",
        requires = "domain",
        visible_alias = "ca-cert"
    )]
    pub acme_ca_cert: Option<PathBuf>,

    /// Also serve plain HTTP here (e.g. 0.0.0.0:80): ACME's HTTP-01 challenge, and a redirect
    /// to https for everything else.
    #[arg(long, value_name = "ADDR:PORT", value_parser = parse_listen_addr, requires = "domain")]
    pub http_listen: Option<SocketAddr>,

    /// Threads serving requests. One carries thousands of requests a second at the least CPU
    /// per request; give more when the relay's traffic outgrows a core.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = between::<u16>(1, 1024), allow_negative_numbers = true)]
    pub threads: u16,

    /// Run as one node of a cluster sharing this Redis (redis://[:PASSWORD@]HOST:PORT[/DB], on a
    /// private network): routing, tokens, reserved names and the offline buffer live there, and any node
    /// serves any tunnel. Needs --node-url.
    #[arg(
        long,
        value_name = "URL",
        env = "HOOKCTL_RELAY_CLUSTER",
        hide_env_values = true
    )]
    pub cluster: Option<String>,

    /// The URL at which the other nodes of the cluster reach this one (its --listen address as
    /// seen from them, e.g. http://10.0.0.5:8787).
    #[arg(long, value_name = "URL", env = "HOOKCTL_RELAY_NODE_URL")]
    pub node_url: Option<String>,

    /// How often relay and clients ping each other; three missed pings drop the connection.
    #[arg(long, value_name = "DUR", default_value = "15s", value_parser = parse_positive_duration, allow_hyphen_values = true, hide = true)]
    pub heartbeat: Duration,
}

fn port_suffix(port: u16) -> String {
    if port == 443 {
        String::new()
    } else {
        format!(":{port}")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OfflineMode {
    Buffer,
    Reject,
}

impl RelayOptions {
    pub fn offline_mode(&self) -> OfflineMode {
        self.offline
            .unwrap_or(if self.data_dir.is_some() || self.cluster.is_some() {
                OfflineMode::Buffer
            } else {
                OfflineMode::Reject
            })
    }

    /// Checks what clap cannot: combinations and URL shapes. The error is one line for the user.
    pub fn validate(&self) -> Result<(), String> {
        crate::shared::names::check_tokens(&self.tokens)?;
        if self.offline == Some(OfflineMode::Buffer)
            && self.data_dir.is_none()
            && self.cluster.is_none()
        {
            return Err(
                "--offline buffer keeps requests on disk: give it --data-dir DIR (or --cluster)"
                    .to_string(),
            );
        }
        self.validate_cluster()?;
        // The nodes forward to each other in plain HTTP on --listen, which serves only TLS once
        // it has a certificate; and with ACME each node would order its own certificates, the
        // CA's check reaching a node that may not know the challenge.
        if self.cluster.is_some() && (self.tls_cert.is_some() || self.domain.is_some()) {
            return Err(
                "a cluster's nodes forward to each other in plain HTTP on --listen, so they cannot serve HTTPS themselves (--tls-cert, --domain): end TLS at the load balancer or proxy in front of them"
                    .to_string(),
            );
        }
        if self.acme() {
            self.acme_data_dir()?;
        }
        if let Some(u) = &self.acme_directory {
            let ok = url::Url::parse(u)
                .map(|p| p.scheme() == "https" && p.host_str().is_some())
                .unwrap_or(false);
            if !ok {
                return Err(format!(
                    "--acme-directory '{u}' is not an https URL: give e.g. {LETS_ENCRYPT}"
                ));
            }
        }
        if let Some(u) = &self.public_url {
            let ok = url::Url::parse(u)
                .map(|p| matches!(p.scheme(), "http" | "https") && p.host_str().is_some())
                .unwrap_or(false);
            if !ok {
                return Err(format!(
                    "--public-url '{u}' is not an http(s) URL: give e.g. https://relay.example.com"
                ));
            }
        }
        Ok(())
    }

    /// --cluster needs --node-url, and both must be URLs of their kind.
    fn validate_cluster(&self) -> Result<(), String> {
        match (&self.cluster, &self.node_url) {
            (None, None) => Ok(()),
            (None, Some(_)) => Err(
                "--node-url is this node's address in a cluster: give --cluster redis://HOST:PORT too"
                    .to_string(),
            ),
            (Some(_), None) => Err(
                "--cluster needs --node-url: the URL the other nodes reach this one at, e.g. http://10.0.0.5:8787"
                    .to_string(),
            ),
            (Some(c), Some(n)) => {
                crate::server::cluster::redis_url(c)?;
                let ok = url::Url::parse(n)
                    .map(|p| p.scheme() == "http" && p.host_str().is_some())
                    .unwrap_or(false);
                if !ok {
                    return Err(format!(
                        "--node-url '{n}' is not an http URL: give the address other nodes reach this one at, e.g. http://10.0.0.5:8787"
                    ));
                }
                Ok(())
            }
        }
    }

    /// The options the relay's flags give (the defaults for those not given), so an embedded
    /// relay and tests start from exactly what `hookctl-relay` would.
    pub fn from_flags(flags: &[&str]) -> Result<RelayOptions, clap::Error> {
        #[derive(clap::Parser)]
        struct Flags {
            #[command(flatten)]
            relay: RelayOptions,
        }
        let argv = std::iter::once("hookctl-relay").chain(flags.iter().copied());
        <Flags as clap::Parser>::try_parse_from(argv).map(|f| f.relay)
    }

    /// Whether certificates come from ACME: a --domain without a certificate of its own.
    pub fn acme(&self) -> bool {
        self.domain.is_some() && self.tls_cert.is_none()
    }

    /// Where ACME keeps the certificates and account key: --data-dir, which --domain needs
    /// (one message whether `validate` or the ACME start finds it missing).
    pub fn acme_data_dir(&self) -> Result<&Path, String> {
        self.data_dir.as_deref().ok_or_else(|| {
            "--domain keeps its certificate and ACME account key on disk: give it --data-dir DIR"
                .to_string()
        })
    }

    /// The base URL senders post to: `--public-url`, or `https://DOMAIN` with --domain, or
    /// derived from the bound address.
    pub fn public_base(&self, bound: SocketAddr) -> String {
        match (&self.public_url, &self.domain) {
            (Some(u), _) => u.trim_end_matches('/').to_string(),
            (None, Some(d)) => format!("https://{d}{}", port_suffix(bound.port())),
            (None, None) if self.tls_cert.is_some() => format!("https://{bound}"),
            (None, None) => format!("http://{bound}"),
        }
    }

    /// `https://NAME.DOMAIN` for tunnel NAME with --domain, on the public URL's port.
    pub fn subdomain_url(&self, name: &str, bound: SocketAddr) -> Option<String> {
        let domain = self.domain.as_ref()?;
        let port = match &self.public_url {
            Some(u) => url::Url::parse(u).ok()?.port_or_known_default()?,
            None => bound.port(),
        };
        Some(format!("https://{name}.{domain}{}", port_suffix(port)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ca_cert_is_another_name_for_acme_ca_cert_and_needs_domain() {
        let o = RelayOptions::from_flags(&["--domain", "h.example.com", "--ca-cert", "ca.pem"])
            .unwrap();
        assert_eq!(o.acme_ca_cert, Some(PathBuf::from("ca.pem")));
        assert!(RelayOptions::from_flags(&["--ca-cert", "ca.pem"]).is_err());
    }
}
