//! `Headers::parse_line` (every `-H 'Name: value'`) on arbitrary text.
#![no_main]

use hookctl::message::Headers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    let Ok((name, value)) = Headers::parse_line(line) else {
        return;
    };
    assert!(!name.is_empty());
    assert!(!name.contains(':'), "name {name:?} holds the separator");
    assert_eq!(value, value.trim(), "value keeps outer whitespace");
    // What was parsed prints back as a line that parses to the same header.
    let again = Headers::parse_line(&format!("{name}: {value}")).expect("re-parse");
    assert_eq!(again, (name, value));
});
