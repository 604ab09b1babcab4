//! Signed-content templates such as `{timestamp}.{body}`: what an HMAC scheme feeds its MAC.

use anyhow::{Result, bail};

/// One piece of the signed content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Literal(String),
    /// The raw body bytes.
    Body,
    /// The timestamp exactly as the delivery carries it.
    Timestamp,
    /// The message / delivery id.
    Id,
    /// The full request URL.
    Url,
    /// The HTTP method.
    Method,
    /// A request header's value.
    Header(String),
}

/// A parsed template. `{body}`, `{timestamp}`, `{id}`, `{url}`, `{method}`, `{header:Name}`;
/// everything else is literal. `{{` and `}}` stand for braces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
}

/// The values a template is rendered with.
pub struct Values<'a> {
    pub body: &'a [u8],
    pub timestamp: Option<&'a str>,
    pub id: Option<&'a str>,
    pub url: Option<&'a str>,
    pub method: &'a str,
    pub headers: &'a crate::message::Headers,
}

impl Template {
    pub fn parse(source: &str) -> Result<Self> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = source;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("{{") {
                literal.push('{');
                rest = after;
            } else if let Some(after) = rest.strip_prefix("}}") {
                literal.push('}');
                rest = after;
            } else if c == '{' {
                let Some(end) = rest.find('}') else {
                    bail!("signed template '{source}' has a '{{' with no closing '}}'");
                };
                let name = &rest[1..end];
                let part = match name {
                    "body" => Part::Body,
                    "timestamp" => Part::Timestamp,
                    "id" => Part::Id,
                    "url" => Part::Url,
                    "method" => Part::Method,
                    _ => match name.strip_prefix("header:") {
                        Some(h) if !h.is_empty() => Part::Header(h.to_string()),
                        _ => bail!(
                            "signed template '{source}' has an unknown placeholder {{{name}}}: use {{body}}, {{timestamp}}, {{id}}, {{url}}, {{method}} or {{header:Name}}"
                        ),
                    },
                };
                if !literal.is_empty() {
                    parts.push(Part::Literal(std::mem::take(&mut literal)));
                }
                parts.push(part);
                rest = &rest[end + 1..];
            } else {
                literal.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if !literal.is_empty() {
            parts.push(Part::Literal(literal));
        }
        if !parts.contains(&Part::Body) {
            bail!(
                "signed template '{source}' does not include {{body}}: a signature must cover the body"
            );
        }
        Ok(Template {
            source: source.to_string(),
            parts,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn uses(&self, part: &Part) -> bool {
        self.parts.contains(part)
    }

    /// The pieces to feed the MAC, in order, borrowing the body. `Err` names the missing value.
    pub fn render<'a>(&'a self, v: &Values<'a>) -> Result<Vec<&'a [u8]>, &'static str> {
        self.parts
            .iter()
            .map(|p| {
                Ok(match p {
                    Part::Literal(s) => s.as_bytes(),
                    Part::Body => v.body,
                    Part::Timestamp => v.timestamp.ok_or("timestamp")?.as_bytes(),
                    Part::Id => v.id.ok_or("id")?.as_bytes(),
                    Part::Url => v.url.ok_or("url")?.as_bytes(),
                    Part::Method => v.method.as_bytes(),
                    Part::Header(h) => v.headers.get(h).ok_or("header")?.as_bytes(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Headers;

    #[test]
    fn renders_in_order_with_literals() {
        let t = Template::parse("v0:{timestamp}:{body}").unwrap();
        let h = Headers::new();
        let v = Values {
            body: b"B",
            timestamp: Some("12"),
            id: None,
            url: None,
            method: "POST",
            headers: &h,
        };
        assert_eq!(t.render(&v).unwrap().concat(), b"v0:12:B");
    }

    #[test]
    fn rejects_unknown_placeholders_and_bodyless_templates() {
        assert!(Template::parse("{nope}.{body}").is_err());
        assert!(Template::parse("{timestamp}").is_err());
        assert!(Template::parse("{body").is_err());
        assert_eq!(
            Template::parse("{{x}}{body}").unwrap().parts[0],
            Part::Literal("{x}".into())
        );
    }
}
