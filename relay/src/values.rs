//! How both binaries read sizes, durations and counts from flags: one rule each, and an error
//! that says what to write (a negative value is out of range, not an unknown flag).

use std::net::{SocketAddr, ToSocketAddrs};
use std::time::Duration;

/// `25MiB`, `10MB`, `512KiB`, `1GB` or a plain number of bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err(format!(
            "'{text}' is out of range: a size cannot be negative; write 25MiB, 10MB or a number of bytes"
        ));
    }
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("'{text}' is not a size: write 25MiB, 10MB or a number of bytes"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1000,
        "kib" | "k" => 1024,
        "mb" => 1000 * 1000,
        "mib" | "m" => 1024 * 1024,
        "gb" => 1000 * 1000 * 1000,
        "gib" | "g" => 1024 * 1024 * 1024,
        _ => {
            return Err(format!(
                "'{text}' has an unknown unit: use B, KB, KiB, MB, MiB, GB or GiB"
            ));
        }
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("'{text}' is too large"))
}

/// A DNS name a certificate can be issued for: two labels or more of letters, digits and
/// hyphens (no IP address, no wildcard), lower-cased, a trailing dot dropped.
pub fn parse_domain(text: &str) -> Result<String, String> {
    let host = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let bad = |why: &str| {
        format!(
            "'{text}' is not a host name ({why}): give the relay's DNS name, e.g. hooks.example.com"
        )
    };
    if host.parse::<std::net::IpAddr>().is_ok() {
        return Err(bad("an IP address gets no certificate"));
    }
    if host.len() > 253 {
        return Err(bad("longer than 253 characters"));
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 {
        return Err(bad("it needs a dot"));
    }
    for label in labels {
        let ok = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok {
            return Err(bad(&format!("'{label}' is not a DNS label")));
        }
    }
    Ok(host)
}

/// `300` (seconds), `300s`, `5m`, `250ms`, `1h30m`, `24h`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err(format!(
            "'{text}' is out of range: a duration cannot be negative; write 300, 30s, 5m, 250ms or 1h30m"
        ));
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    humantime::parse_duration(t)
        .map_err(|_| format!("'{text}' is not a duration: write 300, 30s, 5m, 250ms or 1h30m"))
}

/// A duration that must be longer than zero: a timeout or an interval of 0 would fail or spin.
pub fn parse_positive_duration(text: &str) -> Result<Duration, String> {
    let d = parse_duration(text)?;
    if d.is_zero() {
        return Err(format!(
            "'{text}' is out of range: it must be longer than zero, e.g. 10s"
        ));
    }
    Ok(d)
}

/// `127.0.0.1:8787`, `[::1]:8787` or `localhost:8787`. A host name binds its first IPv4 address
/// (else its first), so the public URL derived from it is one every local client can reach.
pub fn parse_listen_addr(text: &str) -> Result<SocketAddr, String> {
    let t = text.trim();
    if let Ok(addr) = t.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let Some((host, port)) = t.rsplit_once(':') else {
        return Err(format!(
            "'{text}' has no port: write HOST:PORT, e.g. 127.0.0.1:8787 or localhost:8787"
        ));
    };
    let port: u16 =
        between::<u16>(0, 65535)(port).map_err(|e| format!("the port of '{text}': {e}"))?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() {
        return Err(format!(
            "'{text}' has no host: write HOST:PORT, e.g. 127.0.0.1:8787 or 0.0.0.0:8787"
        ));
    }
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| {
            format!("cannot resolve '{host}' ({e}): give an IP address or a known host name")
        })?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| format!("'{host}' resolves to no address: give an IP address"))
}

/// An address given without a scheme (`localhost:3000/webhooks`, the form Stripe's docs use)
/// means http://; anything with `://` is left as written.
pub fn with_default_scheme(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains("://") {
        text.into()
    } else {
        format!("http://{text}").into()
    }
}

/// A whole number of at least `min`, as a clap value parser (`value_parser = at_least::<u32>(1)`).
pub fn at_least<T>(min: i128) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static
where
    T: TryFrom<i128>,
{
    move |text| whole(text, min, None)
}

/// A whole number from `min` to `max`, as a clap value parser.
pub fn between<T>(
    min: i128,
    max: i128,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static
where
    T: TryFrom<i128>,
{
    move |text| whole(text, min, Some(max))
}

fn whole<T: TryFrom<i128>>(text: &str, min: i128, max: Option<i128>) -> Result<T, String> {
    let n: i128 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a whole number"))?;
    let range = match max {
        Some(max) => format!("from {min} to {max}"),
        None => format!("of at least {min}"),
    };
    if n < min || max.is_some_and(|m| n > m) {
        return Err(format!("{n} is out of range: give a number {range}"));
    }
    T::try_from(n).map_err(|_| format!("{n} is out of range: it is too large"))
}

/// A rate or a share that must be above zero (`--rate 0.5`).
pub fn above_zero(text: &str) -> Result<f64, String> {
    let x: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number"))?;
    if !x.is_finite() || x <= 0.0 {
        return Err(format!("{text} is out of range: give a number above 0"));
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_domain_is_a_dns_name_lower_cased_and_never_an_address_or_a_wildcard() {
        assert_eq!(
            parse_domain("Hooks.Example.COM."),
            Ok("hooks.example.com".into())
        );
        for bad in [
            "localhost",
            "10.0.0.1",
            "*.example.com",
            "a..b",
            "-a.com",
            "a_b.com",
            "",
            "a.com/x",
        ] {
            assert!(parse_domain(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes_in_every_documented_form() {
        assert_eq!(parse_size("25MiB"), Ok(25 * 1024 * 1024));
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5XB").is_err());
        assert!(parse_size("99999999999999GiB").is_err());
    }

    #[test]
    fn negative_sizes_durations_and_counts_are_out_of_range() {
        for e in [
            parse_size("-1").unwrap_err(),
            parse_duration("-5m").unwrap_err(),
            at_least::<u32>(1)("-1").unwrap_err(),
            between::<u16>(1, 1024)("0").unwrap_err(),
            above_zero("-2").unwrap_err(),
        ] {
            assert!(e.contains("out of range"), "{e}");
        }
        assert!(
            at_least::<u32>(0)("4294967296")
                .unwrap_err()
                .contains("too large")
        );
        assert_eq!(at_least::<u32>(0)("7"), Ok(7));
    }

    #[test]
    fn an_address_without_a_scheme_is_http() {
        assert_eq!(
            with_default_scheme("localhost:3000/webhooks"),
            "http://localhost:3000/webhooks"
        );
        assert_eq!(with_default_scheme("https://x.io/h"), "https://x.io/h");
        assert_eq!(with_default_scheme("ftp://x.io"), "ftp://x.io");
    }

    #[test]
    fn a_listen_address_may_name_a_host() {
        assert_eq!(
            parse_listen_addr("localhost:8792"),
            Ok("127.0.0.1:8792".parse().unwrap())
        );
        assert_eq!(
            parse_listen_addr("[::1]:80"),
            Ok("[::1]:80".parse().unwrap())
        );
        assert!(
            parse_listen_addr("localhost")
                .unwrap_err()
                .contains("no port")
        );
        assert!(
            parse_listen_addr("localhost:-1")
                .unwrap_err()
                .contains("out of range")
        );
    }

    #[test]
    fn a_timeout_of_zero_is_out_of_range() {
        assert!(
            parse_positive_duration("0")
                .unwrap_err()
                .contains("longer than zero")
        );
        assert_eq!(
            parse_positive_duration("250ms"),
            Ok(Duration::from_millis(250))
        );
    }
}
