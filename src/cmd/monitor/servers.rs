//! The servers email and SMS alerts go out through, from the flags (and their environment
//! variables), else the config file's `[smtp]` and `[twilio]` tables; a missing piece is a
//! usage error naming every place it may come from.

use anyhow::Result;

use super::alert::{email, sms};
use crate::bail_usage;
use crate::cli::AlertServers;
use crate::config::Config;
use crate::output::usage;

/// The SMTP server and sender for `email:` alerts.
pub fn smtp(flags: &AlertServers, config: &Config, roots: &[Vec<u8>]) -> Result<email::Smtp> {
    let table = config.smtp.clone().unwrap_or_default();
    let (url, flag) = match (&flags.smtp, &table.url) {
        (Some(u), _) => (u.clone(), "--smtp"),
        (None, Some(u)) => (u.clone(), "[smtp] url"),
        (None, None) => bail_usage!(
            "email: alerts need an SMTP server: pass --smtp smtp://[user:pass@]host:port (or HOOKCTL_SMTP, or url in the config's [smtp])"
        ),
    };
    let parts = email::parse_url(&url, flag)?;
    // The config file may be shared: it names where the password is, never the password, as
    // [twilio] names its token's variable.
    if flag == "[smtp] url" && parts.password.is_some() {
        bail_usage!(
            "the config's [smtp] url holds a password, and the config may be shared: remove it from the URL and name an environment variable holding it in [smtp] password_env"
        );
    }
    let from = match (&flags.smtp_from, &table.from) {
        (Some(f), _) => email::mailbox(f).map_err(|e| usage(format!("--smtp-from: {e}")))?,
        (None, Some(f)) => email::mailbox(f).map_err(|e| usage(format!("[smtp] from: {e}")))?,
        (None, None) => bail_usage!(
            "email: alerts need a sender: pass --smtp-from alerts@example.com (or from in the config's [smtp])"
        ),
    };
    let password = match (parts.password, &table.password_env) {
        (Some(p), _) => Some(p),
        (None, Some(var)) => Some(std::env::var(var).map_err(|_| {
            usage(format!(
                "the config's [smtp] password_env names {var}, which is not set: export it or remove password_env"
            ))
        })?),
        (None, None) => None,
    };
    if password.is_some() && parts.user.is_none() {
        bail_usage!("{flag} has a password but no user name: give smtp://user:pass@host:port");
    }
    Ok(email::Smtp {
        host: parts.host,
        port: parts.port,
        implicit_tls: parts.implicit_tls,
        user: parts.user,
        password,
        from,
        roots: roots.to_vec(),
    })
}

/// The Twilio account, token and sender for `sms:` alerts.
pub fn twilio(flags: &AlertServers, config: &Config) -> Result<sms::Twilio> {
    let table = config.twilio.clone().unwrap_or_default();
    let Some(account) = flags.twilio_account.clone().or(table.account) else {
        bail_usage!(
            "sms: alerts need a Twilio account: pass --twilio-account AC… (or TWILIO_ACCOUNT_SID, or account in the config's [twilio])"
        );
    };
    let account = sms::account_sid(&account).map_err(usage)?;
    let token = match (&flags.twilio_token, &table.token_env) {
        (Some(t), _) => t.clone(),
        (None, Some(var)) => std::env::var(var).map_err(|_| {
            usage(format!(
                "the config's [twilio] token_env names {var}, which is not set: export it"
            ))
        })?,
        (None, None) => bail_usage!(
            "sms: alerts need the Twilio auth token: set TWILIO_AUTH_TOKEN (or pass --twilio-token, or name a variable in the config's [twilio] token_env)"
        ),
    };
    if token.trim().is_empty() {
        bail_usage!("the Twilio auth token is empty: give the token from the Twilio console");
    }
    let Some(from) = flags.twilio_from.clone().or(table.from) else {
        bail_usage!(
            "sms: alerts need a number to send from: pass --twilio-from +1… (or TWILIO_FROM_NUMBER, or from in the config's [twilio])"
        );
    };
    let from = sms::e164(&from).map_err(|e| usage(format!("--twilio-from {from}: {e}")))?;
    let api = flags
        .twilio_api
        .clone()
        .or(table.api)
        .unwrap_or_else(|| sms::DEFAULT_API.to_string());
    let api = crate::http::target_url(&api, "--twilio-api").map_err(usage)?;
    Ok(sms::Twilio {
        api: api.as_str().trim_end_matches('/').to_string(),
        account,
        token,
        from,
    })
}
