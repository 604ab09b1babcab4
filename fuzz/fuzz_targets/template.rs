//! `Template::parse` (built-in tables and `--signed-template`), then rendering what parsed.
#![no_main]

use hookctl::message::Headers;
use hookctl::signature::template::{Part, Template, Values};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let Ok(t) = Template::parse(src) else {
        return;
    };
    assert_eq!(t.source(), src);
    assert!(
        t.uses(&Part::Body),
        "a template that parsed must sign the body"
    );

    let body: &[u8] = b"<BODY>";
    let headers = Headers::new();
    // Every value present but headers (a `{header:Name}` may only fail, naming it), then none
    // at all (may only fail, never panic).
    let values = Values {
        body,
        timestamp: Some("1700000000"),
        id: Some("msg_1"),
        url: Some("https://example.com/hook"),
        method: "POST",
        headers: &headers,
    };
    match t.render(&values) {
        Ok(parts) => {
            let signed = parts.concat();
            assert!(
                signed.windows(body.len()).any(|w| w == body),
                "rendered content lost the body"
            );
        }
        Err(what) => assert_eq!(what, "header", "only a header can be missing here"),
    }
    let bare = Values {
        timestamp: None,
        id: None,
        url: None,
        ..values
    };
    let _ = t.render(&bare);
});
