//! `Delivery::from_raw_request` (`verify --request FILE`) on arbitrary bytes.
#![no_main]

use hookctl::message::Delivery;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(d) = Delivery::from_raw_request(data) else {
        return;
    };
    // The body is cut from the input (or decoded from its chunks, which only shrinks it).
    assert!(
        d.body.len() <= data.len(),
        "body longer than the request it came from"
    );
    assert!(!d.method.is_empty(), "a parsed request has a method");
    if let Some(url) = &d.url {
        assert!(
            url.starts_with("http://") || url.starts_with("https://"),
            "url {url:?}"
        );
    }
    let _ = d.body_str();
});
