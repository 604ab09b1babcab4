//! The event type of a delivery, from the provider's header or else the body's own field.

use serde::Deserialize;

/// Headers providers put the event type in; the body's fields are tried after them.
const EVENT_HEADERS: &[&str] = &[
    "x-github-event",
    "x-gitlab-event",
    "x-event-key",
    "x-shopify-topic",
    "linear-event",
    "x-twitch-eventsub-subscription-type",
    "x-event-type",
    "x-webhook-event",
];

pub fn from_headers(headers: &[(String, String)]) -> Option<String> {
    EVENT_HEADERS.iter().find_map(|want| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(want))
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The body fields that name the event, in order of preference. Only these are kept while
/// parsing: the rest of the body is skipped over, not built into a tree.
#[derive(Deserialize)]
struct Fields {
    #[serde(rename = "type")]
    type_: Option<serde_json::Value>,
    event_type: Option<serde_json::Value>,
    #[serde(rename = "eventType")]
    event_type_camel: Option<serde_json::Value>,
    event: Option<serde_json::Value>,
    topic: Option<serde_json::Value>,
}

pub fn from_body(body: &[u8]) -> Option<String> {
    // Only an object has named fields (a derived struct would also read an array positionally).
    if body.trim_ascii_start().first() != Some(&b'{') {
        return None;
    }
    let f: Fields = serde_json::from_slice(body).ok()?;
    [f.type_, f.event_type, f.event_type_camel, f.event, f.topic]
        .into_iter()
        .flatten()
        .find_map(|v| match v {
            serde_json::Value::String(s) => Some(s),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_come_from_provider_headers_then_the_body() {
        let h = vec![("X-GitHub-Event".to_string(), "push".to_string())];
        assert_eq!(from_headers(&h).as_deref(), Some("push"));
        assert_eq!(from_headers(&[]), None);
        assert_eq!(
            from_body(br#"{"id":"evt_1","type":"invoice.paid"}"#).as_deref(),
            Some("invoice.paid")
        );
        assert_eq!(
            from_body(br#"{"event_type":"order.created"}"#).as_deref(),
            Some("order.created")
        );
        assert_eq!(
            from_body(br#" {"event":{"type":"x"},"topic":"orders/create"}"#).as_deref(),
            Some("orders/create")
        );
        assert_eq!(from_body(b"a=1&type=x"), None);
        assert_eq!(from_body(br#"["invoice.paid"]"#), None);
        assert_eq!(from_body(br#"{"type":{"nested":1}}"#), None);
    }
}
