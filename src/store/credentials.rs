//! What in a record is a credential — the one list — and its masking, which every way out of the
//! log applies unless the user asks with `--reveal`. The log itself keeps what was sent, so
//! `replay` re-sends it exact and `verify --log` checks it.

use std::borrow::Cow;

use super::record::Record;
use crate::message::Headers;

/// What a masked header value (or its credential part) becomes.
pub const REDACTED: &str = "[redacted by hookctl]";

/// What a URL's masked password (or user, when it is alone) becomes: a word valid in a URL.
const REDACTED_USERINFO: &str = "redacted";

/// Headers whose value is a credential: every `Authorization` scheme, cookies, and API-key,
/// token, secret and password headers. A signature is not one: it proves one body only, and
/// `logs show` explains it.
pub fn is_credential(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    if matches!(
        n.as_str(),
        "authorization" | "proxy-authorization" | "cookie" | "set-cookie"
    ) {
        return true;
    }
    let words: Vec<&str> = n.split(['-', '_']).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "token" | "apikey" | "secret" | "password" | "passwd" | "credential" | "credentials"
        )
    }) || words
        .windows(2)
        .any(|w| matches!(w, ["api" | "access" | "auth", "key"]))
}

/// `value` of credential header `name`, masked: an `Authorization` keeps its scheme word, so
/// a reader still sees Basic from Bearer.
fn masked_value(name: &str, value: &str) -> String {
    let scheme = name.to_ascii_lowercase().ends_with("authorization");
    match value.split_once(' ') {
        Some((word, _)) if scheme && !word.is_empty() => format!("{word} {REDACTED}"),
        _ => REDACTED.to_string(),
    }
}

pub fn mask_headers(headers: &mut Headers) {
    if !headers.iter().any(|(n, _)| is_credential(n)) {
        return;
    }
    *headers = headers
        .iter()
        .map(|(n, v)| {
            let v = if is_credential(n) {
                masked_value(n, v)
            } else {
                v.to_string()
            };
            (n.to_string(), v)
        })
        .collect();
}

/// `text` with the userinfo of every URL in it masked (`http://u:pw@h` → `http://u:redacted@h`,
/// `https://token@h` → `https://redacted@h`): URLs, and error messages quoting them. Other text
/// is returned as it is.
pub fn mask_userinfo(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| "/?#)\"'<>".contains(c) || c.is_whitespace())
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => {
                if let Some((user, _)) = authority[..at].split_once(':') {
                    out.push_str(user);
                    out.push(':');
                }
                out.push_str(REDACTED_USERINFO);
                out.push_str(&authority[at..]);
                changed = true;
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn mask_text(s: &mut String) {
    if let Cow::Owned(m) = mask_userinfo(s) {
        *s = m;
    }
}

/// Masks every credential in `r`: request and response headers, URL userinfo in the URL, the
/// target and the error message.
pub fn mask(r: &mut Record) {
    mask_headers(&mut r.request.headers);
    if let Some(resp) = &mut r.response {
        mask_headers(&mut resp.headers);
    }
    mask_text(&mut r.request.url);
    mask_text(&mut r.target);
    if let Some(e) = &mut r.error {
        mask_text(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_headers_are_one_list_and_signatures_are_not_in_it() {
        for yes in [
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "Set-Cookie",
            "X-Api-Key",
            "Api-Key",
            "apikey",
            "X-Auth-Token",
            "X-Gitlab-Token",
            "X-Access-Token",
            "X-Client-Secret",
            "X_API_KEY",
        ] {
            assert!(is_credential(yes), "{yes}");
        }
        for no in [
            "Stripe-Signature",
            "X-Hub-Signature-256",
            "Webhook-Signature",
            "X-Shopify-Hmac-Sha256",
            "Content-Type",
            "X-Keyboard",
            "Host",
        ] {
            assert!(!is_credential(no), "{no}");
        }
    }

    #[test]
    fn values_keep_their_scheme_and_urls_their_host() {
        let mut h = Headers::new();
        h.push("Authorization", "Bearer abc.def");
        h.push("X-Api-Key", "k1");
        h.push("Accept", "*/*");
        mask_headers(&mut h);
        assert_eq!(h.get("Authorization"), Some("Bearer [redacted by hookctl]"));
        assert_eq!(h.get("X-Api-Key"), Some(REDACTED));
        assert_eq!(h.get("Accept"), Some("*/*"));
        assert_eq!(
            mask_userinfo("http://u:pw@h:1/p?q=a@b"),
            "http://u:redacted@h:1/p?q=a@b"
        );
        assert_eq!(mask_userinfo("https://tok@h/"), "https://redacted@h/");
        assert_eq!(
            mask_userinfo("error sending request for url (http://u:pw@h/x)"),
            "error sending request for url (http://u:redacted@h/x)"
        );
        assert!(matches!(
            mask_userinfo("http://h/p@x"),
            Cow::Borrowed("http://h/p@x")
        ));
    }
}
