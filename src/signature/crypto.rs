//! The primitives every scheme shares: HMAC and hashes, encodings, constant-time comparison and
//! the timestamp window check.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use super::verdict::{Reason, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    Sha1,
    Sha256,
    Sha512,
}

impl Algorithm {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().replace('-', "").as_str() {
            "sha1" => Some(Algorithm::Sha1),
            "sha256" => Some(Algorithm::Sha256),
            "sha512" => Some(Algorithm::Sha512),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Sha1 => "SHA1",
            Algorithm::Sha256 => "SHA256",
            Algorithm::Sha512 => "SHA512",
        }
    }

    pub fn output_len(self) -> usize {
        match self {
            Algorithm::Sha1 => 20,
            Algorithm::Sha256 => 32,
            Algorithm::Sha512 => 64,
        }
    }

    /// HMAC over the concatenation of `parts` (no copy of the body is made).
    pub fn hmac(self, key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
        fn run<M: Mac + hmac::digest::KeyInit>(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
            let mut mac = <M as hmac::digest::KeyInit>::new_from_slice(key)
                .expect("HMAC accepts keys of any length");
            for p in parts {
                mac.update(p);
            }
            mac.finalize().into_bytes().to_vec()
        }
        match self {
            Algorithm::Sha1 => run::<Hmac<sha1::Sha1>>(key, parts),
            Algorithm::Sha256 => run::<Hmac<sha2::Sha256>>(key, parts),
            Algorithm::Sha512 => run::<Hmac<sha2::Sha512>>(key, parts),
        }
    }

    /// A plain hash of the concatenation of `parts` (HubSpot v1/v2 sign without HMAC).
    pub fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: sha2::Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut d = D::new();
            for p in parts {
                d.update(p);
            }
            d.finalize().to_vec()
        }
        match self {
            Algorithm::Sha1 => run::<sha1::Sha1>(parts),
            Algorithm::Sha256 => run::<sha2::Sha256>(parts),
            Algorithm::Sha512 => run::<sha2::Sha512>(parts),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    Hex,
    Base64,
    Base64url,
}

impl Encoding {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "hex" => Some(Encoding::Hex),
            "base64" => Some(Encoding::Base64),
            "base64url" => Some(Encoding::Base64url),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Hex => "hex",
            Encoding::Base64 => "base64",
            Encoding::Base64url => "base64url",
        }
    }

    pub fn encode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Hex => hex::encode(bytes),
            Encoding::Base64 => STANDARD.encode(bytes),
            Encoding::Base64url => URL_SAFE_NO_PAD.encode(bytes),
        }
    }

    /// Decodes leniently where senders differ (hex case, base64 padding); `None` if it is not
    /// this encoding at all.
    pub fn decode(self, text: &str) -> Option<Vec<u8>> {
        let text = text.trim();
        match self {
            Encoding::Hex => hex::decode(text).ok(),
            Encoding::Base64 => decode_base64(text),
            Encoding::Base64url => URL_SAFE_NO_PAD
                .decode(text.trim_end_matches('='))
                .ok()
                .or_else(|| decode_base64(text)),
        }
    }
}

/// Base64 in any of its common dialects (standard or URL-safe, padded, unpadded, or with part of
/// its padding lost in a copy).
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    let bare = text.trim_end_matches('=');
    STANDARD
        .decode(text)
        .or_else(|_| STANDARD_NO_PAD.decode(bare))
        .or_else(|_| URL_SAFE.decode(text))
        .or_else(|_| URL_SAFE_NO_PAD.decode(bare))
        .ok()
}

pub fn base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Constant-time equality: the time taken does not depend on where two values first differ.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

/// Checks a signed timestamp against the window; `Some(verdict)` when it falls outside.
pub fn check_timestamp(
    signed_at: i64,
    now: i64,
    tolerance: Option<u64>,
    header: &str,
) -> Option<Verdict> {
    // `--now` and `--tolerance` take any integer: saturate rather than overflow or wrap (a
    // window past i64::MAX seconds is "any time", not a negative one).
    let tolerance = i64::try_from(tolerance?).unwrap_or(i64::MAX);
    let age = now.saturating_sub(signed_at);
    let ahead = age.saturating_neg();
    let verdict = if age > tolerance {
        Verdict::new(
                Reason::ExpiredTimestamp,
                format!(
                    "the signature is valid but was made {} ago, outside the {tolerance} s window",
                    human_seconds(age)
                ),
            )
            .header(header)
            .hint(format!(
                "{}the sender's clock is off, or an old delivery was sent again; pass --now {signed_at} to check it as of then, or --tolerance to widen the window",
                chrono::DateTime::from_timestamp(signed_at, 0)
                    .map(|t| format!("signed {}: ", t.format("%Y-%m-%d %H:%M:%S UTC")))
                    .unwrap_or_default()
            ))
    } else if ahead > tolerance {
        Verdict::new(
                Reason::FutureTimestamp,
                format!(
                    "the signature is valid but dated {} in the future, outside the {tolerance} s window",
                    human_seconds(ahead)
                ),
            )
            .header(header)
            .hint(format!(
                "the sender's clock is {ahead} s ahead of this machine's: check both clocks (NTP)"
            ))
    } else {
        return None;
    };
    Some(Verdict {
        age: Some(age),
        ..verdict
    })
}

/// `3725` → `"1h 2m 5s (3725 s)"`, `100000000` → `"3 years 62 days 9h (100000000 s)"`: easier
/// to read than raw seconds when a clock is off by hours or years.
pub fn human_seconds(secs: i64) -> String {
    let n = secs.unsigned_abs();
    if n < 60 {
        return format!("{secs} s");
    }
    const DAY: u64 = 86_400;
    const YEAR: u64 = 365 * DAY;
    let count = |k: u64, unit: &str| format!("{k} {unit}{}", if k == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    if n >= YEAR {
        parts.push(count(n / YEAR, "year"));
    }
    if n % YEAR >= DAY {
        parts.push(count(n % YEAR / DAY, "day"));
    }
    // Past a day, minutes and seconds are noise: the exact count follows in parentheses.
    let small: &[(u64, &str)] = if n >= DAY {
        &[(n % DAY / 3600, "h")]
    } else {
        &[(n / 3600, "h"), (n % 3600 / 60, "m"), (n % 60, "s")]
    };
    parts.extend(
        small
            .iter()
            .filter(|(k, _)| *k > 0)
            .map(|(k, u)| format!("{k}{u}")),
    );
    format!("{} ({n} s)", parts.join(" "))
}

/// Parses a Unix timestamp header value in seconds.
pub fn parse_unix(text: &str) -> Option<i64> {
    text.trim().parse::<i64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha256_matches_rfc4231_case_2() {
        let mac = Algorithm::Sha256.hmac(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn ct_eq_needs_equal_length_and_bytes() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"abcd"));
    }

    #[test]
    fn timestamp_window_reports_expired_and_future() {
        assert!(check_timestamp(1000, 1200, Some(300), "t").is_none());
        assert_eq!(
            check_timestamp(1000, 1400, Some(300), "t").unwrap().reason,
            Reason::ExpiredTimestamp
        );
        assert_eq!(
            check_timestamp(1400, 1000, Some(300), "t").unwrap().reason,
            Reason::FutureTimestamp
        );
        assert!(check_timestamp(0, 1_000_000, None, "t").is_none());
    }

    #[test]
    fn timestamp_window_survives_extreme_clocks_and_windows() {
        // Found by fuzz/sign_verify: `--now` far in the past made the age i64::MIN, and negating
        // it overflowed.
        let v = check_timestamp(655_360, -9_223_372_036_854_120_337, Some(300), "t").unwrap();
        assert_eq!(v.reason, Reason::FutureTimestamp);
        assert_eq!(
            check_timestamp(i64::MAX, i64::MIN, Some(0), "t")
                .unwrap()
                .reason,
            Reason::FutureTimestamp
        );
        assert_eq!(
            check_timestamp(i64::MIN, i64::MAX, Some(0), "t")
                .unwrap()
                .reason,
            Reason::ExpiredTimestamp
        );
        // A window wider than i64::MAX seconds accepts everything instead of wrapping negative.
        assert!(check_timestamp(1000, 1000, Some(u64::MAX), "t").is_none());
        assert!(check_timestamp(i64::MIN, i64::MAX, Some(u64::MAX), "t").is_none());
        assert_eq!(
            human_seconds(i64::MIN),
            "292471208677 years 195 days 15h (9223372036854775808 s)"
        );
    }

    #[test]
    fn durations_read_in_words_and_hours_minutes_seconds() {
        assert_eq!(human_seconds(42), "42 s");
        assert_eq!(human_seconds(3725), "1h 2m 5s (3725 s)");
        assert_eq!(human_seconds(-3600), "1h (3600 s)");
        assert_eq!(human_seconds(86_400 + 7200 + 5), "1 day 2h (93605 s)");
        assert_eq!(
            human_seconds(100_000_000),
            "3 years 62 days 9h (100000000 s)"
        );
    }

    #[test]
    fn lenient_base64() {
        assert_eq!(decode_base64("aGk=").unwrap(), b"hi");
        assert_eq!(decode_base64("aGk").unwrap(), b"hi");
        assert_eq!(decode_base64("YQ=").unwrap(), b"a");
        assert_eq!(decode_base64("-_8").unwrap(), vec![0xfb, 0xff]);
    }
}
