//! How a record leaves the console: in the JSON form of `logs --json`, credentials masked as
//! every view of the log masks them, except the headers the person asked to see.

use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::message::Headers;
use crate::store::{Record, credentials};

/// `r` masked, but for the headers named in `reveal` (any case), shown as they were sent.
pub fn masked(r: &Record, reveal: &[String]) -> Record {
    let mut shown = r.clone();
    credentials::mask(&mut shown);
    if !reveal.is_empty() {
        let unmask = |masked: &mut Headers, sent: &Headers| {
            // Masking maps header to header, so their order still pairs them.
            for ((name, value), (_, original)) in masked.0.iter_mut().zip(sent.iter()) {
                if reveal.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                    *value = original.to_string();
                }
            }
        };
        unmask(&mut shown.request.headers, &r.request.headers);
        if let (Some(m), Some(s)) = (&mut shown.response, &r.response) {
            unmask(&mut m.headers, &s.headers);
        }
    }
    shown
}

/// A record's JSON bytes, masked.
pub fn to_json(r: &Record) -> Vec<u8> {
    serde_json::to_vec(&masked(r, &[])).expect("a record serialises")
}

/// A JSON body already serialised.
pub fn json_response(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}
