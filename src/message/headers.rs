//! HTTP headers as a list: arrival order and repeats kept, names compared case-insensitively.

use anyhow::{Result, bail};

/// HTTP headers in arrival order, repeats kept; names compared case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Headers(pub Vec<(String, String)>);

impl Headers {
    pub fn new() -> Self {
        Headers(Vec::new())
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// Replaces every value of `name` with one.
    pub fn set(&mut self, name: impl AsRef<str> + Into<String>, value: impl Into<String>) {
        self.remove(name.as_ref());
        self.push(name, value);
    }

    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Parses `Name: value` (the `-H` form). The value keeps inner spaces; the name must be a token.
    pub fn parse_line(line: &str) -> Result<(String, String)> {
        let Some((name, value)) = line.split_once(':') else {
            bail!("header '{line}' has no ':': write it as 'Name: value'");
        };
        let name = name.trim();
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            bail!(
                "header name '{name}' is not a valid HTTP header name: write it as 'Name: value'"
            );
        }
        // A CR or LF would end the header early and smuggle in another (RFC 9110 §5.5).
        if value.chars().any(|c| c.is_control() && c != '\t') {
            bail!(
                "header '{name}' has a control character (CR, LF, NUL…) in its value: give one header per -H"
            );
        }
        Ok((name.to_string(), value.trim().to_string()))
    }
}

/// An HTTP library's header map, in its order; a value that is not UTF-8 is kept lossily.
impl From<&http::HeaderMap> for Headers {
    fn from(map: &http::HeaderMap) -> Self {
        map.iter()
            .map(|(n, v)| {
                (
                    n.as_str(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect()
    }
}

impl<N: Into<String>, V: Into<String>> FromIterator<(N, V)> for Headers {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Self {
        Headers(
            iter.into_iter()
                .map(|(n, v)| (n.into(), v.into()))
                .collect(),
        )
    }
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_line_parsing() {
        assert_eq!(
            Headers::parse_line("Content-Type:  application/json ").unwrap(),
            ("Content-Type".into(), "application/json".into())
        );
        assert!(Headers::parse_line("no colon").is_err());
        assert!(Headers::parse_line("bad name: x").is_err());
        assert!(Headers::parse_line("X-A: a\r\nInjected: 1").is_err());
        assert!(Headers::parse_line("X-A: a\tb").is_ok());
    }
}
