//! Flags of `replay`.

use clap::Args;
use hookctl_relay::values::{above_zero, at_least};

use super::logs::LogFilters;
use super::values;

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// Delivery ids from the log (`hookctl logs`), unique prefixes, or `last`; or select them with the filters below.
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    #[command(flatten)]
    pub filters: LogFilters,

    /// With filters: replay at most the N newest matching records; 0 for all [default: all of them].
    #[arg(long, value_name = "N", value_parser = at_least::<usize>(0), allow_negative_numbers = true)]
    pub limit: Option<usize>,

    /// Where to send: a URL with a path is the exact destination; a bare origin
    /// (http://localhost:4000) keeps each delivery's original path and query [default: the original URL].
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,

    /// Re-sign with a fresh timestamp and id instead of sending the stored signature.
    #[arg(long)]
    pub resign: bool,

    /// The provider to re-sign as [default: the delivery's own].
    #[arg(short, long, value_name = "ID", requires = "resign")]
    pub provider: Option<String>,

    /// Secret to re-sign with [default: the provider's secret in the config file].
    #[arg(long, env = "HOOKCTL_SECRET", hide_env_values = true, value_name = "S", value_parser = values::secret)]
    pub secret: Option<String>,

    /// Private key to re-sign with, for asymmetric schemes.
    #[arg(
        long,
        value_name = "K",
        requires = "resign",
        allow_hyphen_values = true
    )]
    pub private_key: Option<String>,

    /// Key id the JWT names, for Plaid and Google [default: the key's JWK kid, else its RFC 7638 thumbprint].
    #[arg(long, value_name = "KID", requires = "resign")]
    pub key_id: Option<String>,

    /// Requests per second at most.
    #[arg(long, value_name = "R", value_parser = above_zero, allow_negative_numbers = true)]
    pub rate: Option<f64>,

    /// Requests in flight at once.
    #[arg(short = 'c', long, value_name = "C", default_value_t = 4, value_parser = at_least::<usize>(1), allow_negative_numbers = true)]
    pub concurrency: usize,

    /// Print what would be sent; send and record nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// With --dry-run, show credentials as they would be sent (Authorization, Cookie, API-key
    /// and token headers, a URL's password) instead of masked.
    #[arg(long, requires = "dry_run")]
    pub reveal: bool,

    /// How long to wait for each answer.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "30s",
        allow_hyphen_values = true
    )]
    pub timeout: String,
}
