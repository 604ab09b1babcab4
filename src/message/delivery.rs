//! A delivery as it arrives: method, URL, headers in order (repeats kept) and the body byte-exact.

use super::headers::Headers;

/// One received (or about to be sent) HTTP request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    pub method: String,
    /// The full URL the sender posted to, where known (Twilio, Square and HubSpot sign it).
    pub url: Option<String>,
    pub headers: Headers,
    pub body: Vec<u8>,
}

impl Delivery {
    pub fn new(body: impl Into<Vec<u8>>) -> Self {
        Delivery {
            method: "POST".into(),
            url: None,
            headers: Headers::new(),
            body: body.into(),
        }
    }

    /// The body as text, for schemes that sign text and for explanations.
    pub fn body_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }
}
