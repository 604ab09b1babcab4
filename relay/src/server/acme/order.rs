//! One certificate order (RFC 8555 §7.4): place it, answer each authorization's challenge,
//! wait for the CA to validate, finalize with a fresh key, download the chain.

use std::time::Duration;

use instant_acme::{
    Account, AuthorizationStatus, ChallengeType, Identifier, NewOrder, OrderStatus, RetryPolicy,
};

use crate::server::acme::challenge::Challenges;
use crate::server::acme::problem::{explain, problem};

/// How the CA is asked to check that this relay answers for the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    TlsAlpn,
    Http,
}

impl Method {
    /// The challenge's name in RFC 8555, as logs show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::TlsAlpn => "tls-alpn-01",
            Method::Http => "http-01",
        }
    }
}

/// Validation takes Let's Encrypt seconds; a minute and a half covers a slow day without
/// hanging forever.
const POLL: RetryPolicy = RetryPolicy::new()
    .initial_delay(Duration::from_millis(250))
    .backoff(1.5)
    .timeout(Duration::from_secs(90));

/// A certificate chain and its private key, both PEM.
pub struct Issued {
    pub chain: String,
    pub key: String,
}

/// Obtains a certificate for `name`, proving control with `method`; the error is one line.
pub async fn obtain(
    account: &Account,
    challenges: &Challenges,
    name: &str,
    method: Method,
) -> Result<Issued, String> {
    let mut tokens = Vec::new();
    let result = run(account, challenges, name, method, &mut tokens).await;
    challenges.remove(name, &tokens);
    result
}

async fn run(
    account: &Account,
    challenges: &Challenges,
    name: &str,
    method: Method,
    tokens: &mut Vec<String>,
) -> Result<Issued, String> {
    let why = |e: instant_acme::Error| explain(&e, name);
    let ids = [Identifier::Dns(name.to_string())];
    let mut order = account.new_order(&NewOrder::new(&ids)).await.map_err(why)?;
    let mut authorizations = order.authorizations();
    while let Some(authz) = authorizations.next().await {
        let mut authz = authz.map_err(why)?;
        if authz.status == AuthorizationStatus::Valid {
            // The CA remembers a recent validation for this account.
            continue;
        }
        let kind = match method {
            Method::TlsAlpn => ChallengeType::TlsAlpn01,
            Method::Http => ChallengeType::Http01,
        };
        let mut challenge = authz
            .challenge(kind.clone())
            .ok_or_else(|| format!("the CA offers no {kind:?} challenge for {name}"))?;
        let key_auth = challenge.key_authorization();
        match method {
            Method::TlsAlpn => challenges.add_tls_alpn(name, key_auth.digest().as_ref())?,
            Method::Http => {
                tokens.push(challenge.token.clone());
                challenges.add_http(&challenge.token, key_auth.as_str());
            }
        }
        challenge.set_ready().await.map_err(why)?;
    }
    let status = order.poll_ready(&POLL).await.map_err(why)?;
    if status != OrderStatus::Ready {
        return Err(failed_validation(&mut order, name).await);
    }
    let key = order.finalize().await.map_err(why)?;
    let chain = order.poll_certificate(&POLL).await.map_err(why)?;
    Ok(Issued { chain, key })
}

/// Why validation failed, from the challenge's error (the order itself says only "invalid").
async fn failed_validation(order: &mut instant_acme::Order, name: &str) -> String {
    let mut authorizations = order.authorizations();
    while let Some(Ok(mut authz)) = authorizations.next().await {
        if let Ok(state) = authz.refresh().await
            && let Some(p) = state.challenges.iter().find_map(|c| c.error.as_ref())
        {
            return problem(p, name);
        }
    }
    format!("the CA could not validate {name}")
}
