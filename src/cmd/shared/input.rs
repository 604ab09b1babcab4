//! Reading what the user hands a command: bodies, header lines, durations and keys.
//! Every failure here is bad input (exit 2) with a message that says what to do.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::bail_usage;
use crate::cli::BodySource;
use crate::message::Headers;
use crate::output::usage;

/// The body from `--body-file`, `--body`, or stdin (byte-exact in every case).
pub fn read_body(src: &BodySource) -> Result<Vec<u8>> {
    if let Some(path) = &src.body_file {
        return read_file(path, "--body-file");
    }
    if let Some(b) = &src.body {
        return Ok(b.as_bytes().to_vec());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        bail_usage!(
            "no body given: pass --body-file FILE or --body STRING, or pipe the body on stdin"
        );
    }
    let mut buf = Vec::new();
    stdin
        .lock()
        .read_to_end(&mut buf)
        .map_err(|e| usage(format!("cannot read the body from stdin: {e}")))?;
    // An empty pipe almost always means the body was forgotten; `--body ''` says it on purpose.
    if buf.is_empty() {
        bail_usage!(
            "stdin was empty: pipe the body in, or pass --body-file FILE, or --body '' for an empty body"
        );
    }
    Ok(buf)
}

pub fn read_file(path: &Path, flag: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| usage(format!("cannot read {flag} {}: {e}", path.display())))
}

/// Servers reject header blocks past 8–64 KiB; a longer value is a paste gone wrong.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// `-H 'Name: value'` lines, in order.
pub fn parse_headers(lines: &[String]) -> Result<Headers> {
    let mut h = Headers::new();
    for l in lines {
        if l.len() > MAX_HEADER_LINE {
            let name: String = l.split(':').next().unwrap_or("").chars().take(40).collect();
            bail_usage!(
                "header '{name}' is {} bytes long, over the 64 KiB that HTTP servers accept: check what was pasted",
                l.len()
            );
        }
        let (n, v) = Headers::parse_line(l).map_err(usage)?;
        h.push(n, v);
    }
    Ok(h)
}

/// `300`, `300s`, `5m`, `250ms`, `1h30m`: the relay's reading, so both binaries agree.
pub fn parse_duration(text: &str, flag: &str) -> Result<Duration> {
    hookctl_relay::values::parse_duration(text).map_err(|e| usage(format!("{flag} {e}")))
}

/// A timeout or an interval: a duration longer than zero (0 would fail every request or spin).
pub fn parse_timeout(text: &str, flag: &str) -> Result<Duration> {
    hookctl_relay::values::parse_positive_duration(text).map_err(|e| usage(format!("{flag} {e}")))
}

/// A key given inline or as a path to a file holding it (PEM files, JWK sets).
pub fn key_text(value: &str) -> Result<String> {
    let looks_inline = value.contains("-----BEGIN") || value.trim_start().starts_with('{');
    let path = Path::new(value);
    if !looks_inline && value.len() < 4096 && path.is_file() {
        let bytes = read_file(path, "key file")?;
        return String::from_utf8(bytes).map_err(|_| {
            usage(format!(
                "key file {value} is not text: give a PEM, JWK, hex or base64 key"
            ))
        });
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_every_documented_form() {
        assert_eq!(
            parse_duration("300", "--t").unwrap(),
            Duration::from_secs(300)
        );
        assert_eq!(
            parse_duration("300s", "--t").unwrap(),
            Duration::from_secs(300)
        );
        assert_eq!(
            parse_duration("5m", "--t").unwrap(),
            Duration::from_secs(300)
        );
        assert_eq!(
            parse_duration("250ms", "--t").unwrap(),
            Duration::from_millis(250)
        );
        assert_eq!(
            parse_duration("1h30m", "--t").unwrap(),
            Duration::from_secs(5400)
        );
        assert!(parse_duration("-5", "--t").is_err());
        assert!(parse_timeout("0", "--t").is_err());
        assert!(parse_duration("soon", "--t").is_err());
    }
}
