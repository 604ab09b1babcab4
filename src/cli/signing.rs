//! Flags of `sign` and `verify`, and the generic scheme and body flags others share.

use std::path::PathBuf;

use clap::Args;

use super::values;

/// Where a body comes from: a file, a string, or standard input.
#[derive(Debug, Args, Clone)]
pub struct BodySource {
    /// Read the body from a file, byte-exact.
    #[arg(long, value_name = "FILE", conflicts_with = "body")]
    pub body_file: Option<PathBuf>,

    /// The body as a string, byte-exact (no newline added).
    #[arg(long, value_name = "STRING")]
    pub body: Option<String>,
}

/// The help heading of the generic-scheme flags.
pub const GENERIC_HEADING: &str = "Generic scheme (--provider generic)";

/// A user-defined HMAC scheme, used with `--provider generic`.
// Each flag names its heading: a struct-level `next_help_heading` would also claim every flag the
// including command declares after the flatten.
#[derive(Debug, Args, Clone, Default)]
pub struct GenericArgs {
    /// Signature header name.
    #[arg(long = "header", value_name = "NAME", help_heading = GENERIC_HEADING)]
    pub header: Option<String>,
    /// sha1, sha256 or sha512.
    #[arg(long, value_name = "ALG", help_heading = GENERIC_HEADING)]
    pub algorithm: Option<String>,
    /// hex, base64 or base64url.
    #[arg(long, value_name = "ENC", help_heading = GENERIC_HEADING)]
    pub encoding: Option<String>,
    /// Text before the signature, e.g. 'sha256='.
    #[arg(long, value_name = "TEXT", help_heading = GENERIC_HEADING)]
    pub prefix: Option<String>,
    /// Header carrying the Unix timestamp that is signed.
    #[arg(long, value_name = "NAME", help_heading = GENERIC_HEADING)]
    pub timestamp_header: Option<String>,
    /// What is signed, e.g. '{timestamp}.{body}' ({body} {timestamp} {id} {url} {method} {header:Name}).
    #[arg(long, value_name = "TEMPLATE", help_heading = GENERIC_HEADING)]
    pub signed_template: Option<String>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Provider id (see `hookctl providers`), `generic`, or a scheme named in the config file [default: the config's default_provider].
    #[arg(short, long, value_name = "ID")]
    pub provider: Option<String>,

    /// Shared secret [default: the provider's secret in the config file].
    #[arg(long, env = "HOOKCTL_SECRET", hide_env_values = true, value_name = "S", value_parser = values::secret)]
    pub secret: Option<String>,

    /// Private key for asymmetric schemes: hex Ed25519 seed, whsk_ key, or PKCS#8 PEM (text or file path).
    #[arg(long, value_name = "K", allow_hyphen_values = true)]
    pub private_key: Option<String>,

    #[command(flatten)]
    pub source: BodySource,

    /// Unix seconds to sign at [default: now]; the scheme renders it in its own form.
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true, value_parser = values::unix_seconds)]
    pub timestamp: Option<i64>,

    /// Message / delivery id, where the scheme signs one [default: derived from body and time].
    #[arg(long, value_name = "MESSAGE_ID", value_parser = values::message_id)]
    pub id: Option<String>,

    /// Key id the JWT names, for Plaid and Google [default: the private key's JWK kid, else its RFC 7638 thumbprint].
    #[arg(long, value_name = "KID")]
    pub key_id: Option<String>,

    /// The URL the delivery is posted to (Twilio, Square and HubSpot sign it).
    #[arg(long, value_name = "URL", value_parser = values::signed_url)]
    pub url: Option<String>,

    /// The HTTP method.
    #[arg(long, value_name = "M", default_value = "POST", value_parser = values::http_method)]
    pub method: String,

    /// A request header the scheme signs or reads ('Name: value'); repeatable.
    #[arg(short = 'H', long = "request-header", value_name = "'Name: value'")]
    pub headers: Vec<String>,

    /// One of the provider's schemes (hubspot v1|v2|v3, standard-webhooks v1|v1a, github sha256|sha1).
    #[arg(long, value_name = "V")]
    pub variant: Option<String>,

    #[command(flatten)]
    pub generic: GenericArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Provider id, `auto` to detect it from the headers, `generic`, or a scheme named in the config file.
    #[arg(short, long, value_name = "ID", default_value = "auto")]
    pub provider: String,

    /// Shared secret; repeat for rotation (valid if any verifies) [env: HOOKCTL_SECRET].
    #[arg(long, value_name = "S", value_parser = values::secret)]
    pub secret: Vec<String>,

    /// Public key for asymmetric schemes: hex, base64, base64 DER, PEM, whpk_, or JWK / JWK set (text or file path).
    #[arg(long, value_name = "K", allow_hyphen_values = true)]
    pub public_key: Option<String>,

    /// A raw HTTP/1.1 request: request line, headers, blank line, body.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["body_file", "body"])]
    pub request: Option<PathBuf>,

    /// A delivery from the delivery log (`hookctl logs`): its id, a unique prefix, or `last`.
    #[arg(long, value_name = "DELIVERY_ID", conflicts_with_all = ["request", "body_file", "body"])]
    pub log: Option<String>,

    #[command(flatten)]
    pub source: BodySource,

    /// A received header ('Name: value'); repeatable.
    #[arg(short = 'H', long = "request-header", value_name = "'Name: value'")]
    pub headers: Vec<String>,

    /// The URL the provider posted to (for schemes that sign it).
    #[arg(long, value_name = "URL", value_parser = values::signed_url)]
    pub url: Option<String>,

    /// The HTTP method of the delivery.
    #[arg(long, value_name = "M", value_parser = values::http_method)]
    pub method: Option<String>,

    /// Timestamp window, overriding the provider's documented default (300, 5m, 1h).
    #[arg(long, value_name = "DUR", allow_hyphen_values = true)]
    pub tolerance: Option<String>,

    /// The current time as Unix seconds (reproduce an old delivery, tests).
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true, value_parser = values::unix_seconds)]
    pub now: Option<i64>,

    #[command(flatten)]
    pub generic: GenericArgs,
}
