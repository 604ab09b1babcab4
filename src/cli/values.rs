//! Value parsers for hookctl's own flags: what clap can refuse before a command runs, so bad
//! input is one line and exit 2 wherever the flag appears (numbers, sizes and durations come
//! from `hookctl_relay::values`, which both binaries share).

/// Unix seconds from 1970 to the end of year 9999 (`--timestamp`, `--now`).
pub fn unix_seconds(text: &str) -> Result<i64, String> {
    hookctl_relay::values::between::<i64>(0, 253_402_300_799)(text).map_err(|e| {
        format!(
            "{e} (Unix seconds, e.g. {})",
            chrono::Utc::now().timestamp()
        )
    })
}

/// A signing secret: an empty or blank one would sign with no key at all.
pub fn secret(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err(
            "the secret is empty: give the signing secret, or leave the flag out to use the config's"
                .into(),
        );
    }
    Ok(text.to_string())
}

/// A message id to sign: an empty one would sign a different string than the flag suggests.
pub fn message_id(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err(
            "the message id is empty: give the id to sign, or leave --id out to derive one".into(),
        );
    }
    Ok(text.to_string())
}

/// An HTTP method: a token such as POST or PUT (a space or a control character cannot be sent).
pub fn http_method(text: &str) -> Result<String, String> {
    match http::Method::from_bytes(text.as_bytes()) {
        Ok(_) if !text.is_empty() => Ok(text.to_string()),
        _ => Err(format!(
            "'{}' is not an HTTP method: give e.g. POST, PUT or GET",
            text.escape_debug()
        )),
    }
}

/// The URL a delivery was (or will be) posted to, as signed: absolute, http or https, with a host.
pub fn signed_url(text: &str) -> Result<String, String> {
    let ok = url::Url::parse(text)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
    if !ok {
        return Err(format!(
            "'{text}' is not a full http(s) URL: give it as the provider posts to it, e.g. https://example.com/webhooks"
        ));
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_secrets_spaced_methods_and_partial_urls_are_refused() {
        assert!(secret("").is_err());
        assert!(secret("  ").is_err());
        assert!(http_method("GE T").is_err());
        assert!(http_method("").is_err());
        assert_eq!(http_method("PATCH"), Ok("PATCH".into()));
        assert!(signed_url("not a url").is_err());
        assert!(signed_url("localhost:3000/x").is_err());
        assert!(unix_seconds("-1").unwrap_err().contains("out of range"));
    }
}
