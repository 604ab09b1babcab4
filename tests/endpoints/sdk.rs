//! Endpoints that check a delivery exactly as a provider's official SDK does, no more: the
//! signature through hookctl's core with no window, then the SDK's own time rule written out
//! here. Stripe's SDKs refuse only a timestamp older than 5 min; Standard Webhooks' refuse one
//! more than 5 min old or ahead; GitHub's (octokit) check no time.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use hookctl::message::{Delivery, Headers};
use hookctl::signature::{Keys, Registry, VerifyOptions};

/// The default tolerance of stripe's and standardwebhooks' verifiers.
const SDK_WINDOW: i64 = 300;

/// Which bounds of the window a handler enforces on the signed time.
#[derive(Debug, Clone, Copy)]
pub struct TimeRule {
    pub older: bool,
    pub newer: bool,
}

/// stripe `WebhookSignature.verify_header`: `timestamp < time.time() - tolerance` only.
pub const STRIPE_SDK: TimeRule = TimeRule {
    older: true,
    newer: false,
};
/// standardwebhooks `Webhook.verify`: "timestamp too old" and "timestamp too new".
pub const STANDARD_WEBHOOKS_SDK: TimeRule = TimeRule {
    older: true,
    newer: true,
};
/// @octokit/webhooks-methods `verify`: the body's signature alone.
pub const GITHUB_SDK: TimeRule = TimeRule {
    older: false,
    newer: false,
};

struct Sdk {
    provider: &'static str,
    secret: String,
    rule: TimeRule,
}

/// An endpoint for `provider`'s deliveries signed with `secret`, holding their time to `rule`:
/// 400 for anything it refuses, 200 otherwise (a repeated id too: no SDK de-duplicates).
pub fn endpoint(provider: &'static str, secret: &str, rule: TimeRule) -> Router {
    let state = Arc::new(Sdk {
        provider,
        secret: secret.to_string(),
        rule,
    });
    Router::new().route("/hook", post(handle)).with_state(state)
}

async fn handle(
    State(sdk): State<Arc<Sdk>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, &'static str) {
    let mut h = Headers::new();
    for (n, v) in headers.iter() {
        h.push(n.as_str(), v.to_str().unwrap_or(""));
    }
    let delivery = Delivery {
        method: "POST".into(),
        url: None,
        headers: h,
        body: body.to_vec(),
    };
    let scheme = Registry::builtin().get(sdk.provider).unwrap();
    let keys = Keys {
        secrets: vec![sdk.secret.clone()],
        public_key: None,
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    // No window: the time is judged below, by the SDK's rule alone.
    let signature_only = VerifyOptions {
        now,
        tolerance: Some(u64::MAX),
    };
    if !scheme.verify(&delivery, &keys, &signature_only).is_valid() {
        return (StatusCode::BAD_REQUEST, "no matching signature");
    }
    if let Some(at) = signed_at(sdk.provider, &delivery.headers) {
        if sdk.rule.older && at < now - SDK_WINDOW {
            return (StatusCode::BAD_REQUEST, "timestamp too old");
        }
        if sdk.rule.newer && at > now + SDK_WINDOW {
            return (StatusCode::BAD_REQUEST, "timestamp too new");
        }
    }
    (StatusCode::OK, "ok")
}

/// The signed time, read where each SDK reads it.
fn signed_at(provider: &str, headers: &Headers) -> Option<i64> {
    match provider {
        "stripe" => headers
            .get("Stripe-Signature")?
            .split(',')
            .find_map(|kv| kv.strip_prefix("t="))?
            .parse()
            .ok(),
        "standard-webhooks" => headers.get("webhook-timestamp")?.trim().parse().ok(),
        _ => None,
    }
}
