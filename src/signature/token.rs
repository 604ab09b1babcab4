//! Providers that sign nothing and send a shared token instead (GitLab, Okta, Postmark), and
//! Salesforce, whose outbound messages carry only the sending organization's id.

use std::sync::Arc;

use super::crypto;
use super::scheme::{
    Info, KeyKind, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions,
};
use super::verdict::{Reason, Verdict};
use crate::message::{Delivery, Headers};

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![
        Arc::new(Token::new(TokenKind::Gitlab)),
        Arc::new(Token::new(TokenKind::Okta)),
        Arc::new(Token::new(TokenKind::Postmark)),
        Arc::new(Salesforce::new()),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    /// `X-Gitlab-Token: <secret token>`.
    Gitlab,
    /// The event hook's authentication header (`Authorization` unless renamed) holds the secret.
    Okta,
    /// Basic auth from `https://user:password@…` in the webhook URL.
    Postmark,
}

pub struct Token {
    info: Info,
    kind: TokenKind,
    header: &'static str,
}

impl Token {
    fn new(kind: TokenKind) -> Self {
        let (id, name, header, signed, detect, docs) = match kind {
            TokenKind::Gitlab => (
                "gitlab",
                "GitLab",
                "X-Gitlab-Token",
                "nothing: X-Gitlab-Token carries the secret token itself",
                vec!["X-Gitlab-Token".to_string()],
                "https://docs.gitlab.com/user/project/integrations/webhooks/#validate-payloads-by-using-a-secret-token",
            ),
            TokenKind::Okta => (
                "okta",
                "Okta",
                "Authorization",
                "nothing: the authentication header (Authorization unless renamed) carries the secret itself",
                vec![],
                "https://developer.okta.com/docs/guides/secure-hooks/-/main/",
            ),
            TokenKind::Postmark => (
                "postmark",
                "Postmark",
                "Authorization",
                "nothing: Authorization carries Basic base64(user:password) from the webhook URL",
                vec![],
                "https://postmarkapp.com/developer/webhooks/webhooks-overview#protecting-your-webhook",
            ),
        };
        Token {
            info: Info {
                id: id.into(),
                name: name.into(),
                algorithm: if kind == TokenKind::Postmark {
                    "HTTP Basic auth (no signature)"
                } else {
                    "shared token (no signature)"
                }
                .into(),
                signed: signed.into(),
                headers: vec![header.into()],
                tolerance_seconds: None,
                can_sign: true,
                variants: vec![],
                detect,
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: docs.into(),
            },
            kind,
            header,
        }
    }

    /// What the header must hold for this secret.
    fn expected(&self, secret: &str) -> String {
        match self.kind {
            TokenKind::Postmark => format!("Basic {}", crypto::base64(secret.as_bytes())),
            _ => secret.to_string(),
        }
    }

    fn no_body_note(&self) -> String {
        format!(
            "{} sends a shared token, not a signature: the body itself is not authenticated",
            self.info.name
        )
    }

    fn verify_inner(&self, d: &Delivery, keys: &Keys) -> Result<Verdict, Verdict> {
        if keys.secrets.is_empty() {
            return Err(Verdict::missing_secret(&self.info.name));
        }
        let Some(value) = d.headers.get(self.header) else {
            if self.kind == TokenKind::Okta {
                // The authentication field can be renamed, and custom headers added: any header
                // holding the secret shows the sender knows it.
                for (name, value) in d.headers.iter() {
                    if keys
                        .secrets
                        .iter()
                        .any(|s| crypto::ct_eq(value.trim().as_bytes(), s.as_bytes()))
                    {
                        return Ok(Verdict::ok(format!("{name} holds the event hook's secret"))
                            .header(name)
                            .hint(self.no_body_note()));
                    }
                }
            }
            let mut v = Verdict::missing_header(self.header);
            if self.kind == TokenKind::Okta {
                v = v.hint("no header holds the given secret either: check the event hook's Authentication field and secret");
            }
            return Err(v);
        };
        let value = value.trim();
        if self.kind == TokenKind::Postmark {
            let Some((scheme, b64)) = value.split_once(' ') else {
                return Err(Verdict::malformed_header(
                    self.header,
                    "is not 'Basic <base64 user:password>'",
                ));
            };
            if !scheme.eq_ignore_ascii_case("basic") || crypto::decode_base64(b64).is_none() {
                return Err(Verdict::malformed_header(
                    self.header,
                    "is not 'Basic <base64 user:password>'",
                ));
            }
        }
        if value.is_empty() {
            return Err(Verdict::malformed_header(self.header, "is empty"));
        }
        for secret in &keys.secrets {
            let matched = match self.kind {
                TokenKind::Postmark => {
                    // Compare the decoded pair so that base64 padding variants do not matter.
                    let decoded = value
                        .split_once(' ')
                        .and_then(|(_, b)| crypto::decode_base64(b))
                        .unwrap_or_default();
                    crypto::ct_eq(&decoded, secret.as_bytes())
                }
                _ => crypto::ct_eq(value.as_bytes(), self.expected(secret).as_bytes()),
            };
            if matched {
                return Ok(Verdict::ok(format!(
                    "{} holds the expected {}",
                    self.header,
                    self.what()
                ))
                .header(self.header)
                .hint(self.no_body_note()));
            }
        }
        let mut v = Verdict::new(
            Reason::WrongSecret,
            format!("{} does not hold the given {}", self.header, self.what()),
        )
        .header(self.header);
        if self.kind == TokenKind::Postmark && !keys.secrets.iter().any(|s| s.contains(':')) {
            v = v.hint("Postmark's secret is the user:password pair written into the webhook URL (https://user:password@host/path)");
        }
        Ok(v)
    }

    fn what(&self) -> &'static str {
        match self.kind {
            TokenKind::Gitlab => "secret token",
            TokenKind::Okta => "event hook secret",
            TokenKind::Postmark => "basic-auth user:password",
        }
    }
}

impl Scheme for Token {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        let secret = req.require_secret(&self.info)?;
        if self.kind == TokenKind::Postmark && !secret.contains(':') {
            return Err(SignError::BadKey(
                "Postmark's secret is the basic-auth pair user:password from the webhook URL"
                    .into(),
            ));
        }
        if secret.is_empty() || secret.contains(['\r', '\n']) {
            return Err(SignError::BadKey(format!(
                "the {} secret must be one non-empty line",
                self.info.name
            )));
        }
        let mut headers = Headers::new();
        headers.push(self.header, self.expected(secret));
        Ok(headers.into())
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, _opts: &VerifyOptions) -> Verdict {
        self.verify_inner(delivery, keys).unwrap_or_else(|v| v)
    }

    fn new_key(&self, seed: &[u8; 32]) -> KeyMaterial {
        let secret = match self.kind {
            TokenKind::Postmark => format!("hookctl:{}", hex::encode(seed)),
            _ => hex::encode(seed),
        };
        KeyMaterial {
            secret: Some(secret),
            ..Default::default()
        }
    }
}

/// Salesforce outbound messages: a SOAP envelope whose `OrganizationId` must be the expected org.
/// Nothing is signed; the secret given is that org id.
pub struct Salesforce {
    info: Info,
}

const SF_FIELD: &str = "OrganizationId (SOAP body element)";

impl Salesforce {
    fn new() -> Self {
        Salesforce {
            info: Info {
                id: "salesforce".into(),
                name: "Salesforce".into(),
                algorithm: "organization id check (no signature)".into(),
                signed: "nothing: the SOAP body's <OrganizationId> must be your org's id".into(),
                headers: vec![SF_FIELD.into()],
                tolerance_seconds: None,
                can_sign: false,
                variants: vec![],
                detect: vec![],
                key: KeyKind::Secret,
                secret_prefix: None,
                docs: "https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_om_outboundmessaging_security.htm".into(),
            },
        }
    }
}

/// The text of the first `<OrganizationId>` element (any namespace prefix).
fn organization_id(xml: &str) -> Option<&str> {
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>')?;
        let tag = &rest[..end];
        let local = tag.rsplit(':').next().unwrap_or(tag);
        if local == "OrganizationId" && !tag.starts_with('/') {
            let body = &rest[end + 1..];
            let close = body.find('<')?;
            return Some(body[..close].trim());
        }
    }
    None
}

/// Salesforce ids come in a case-sensitive 15-character form and an 18-character form that adds
/// a checksum suffix: both name the same org.
fn same_org(given: &str, expected: &str) -> bool {
    let (g, e) = (given.trim().as_bytes(), expected.trim().as_bytes());
    match (g.len(), e.len()) {
        (18, 15) => crypto::ct_eq(&g[..15], e),
        (15, 18) => crypto::ct_eq(g, &e[..15]),
        _ => crypto::ct_eq(g, e),
    }
}

impl Scheme for Salesforce {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, _req: &SignRequest) -> Result<Signed, SignError> {
        Err(SignError::Unsupported(
            "Salesforce outbound messages carry no signature: send a SOAP notification whose <OrganizationId> is your org id".into(),
        ))
    }

    fn verify(&self, d: &Delivery, keys: &Keys, _opts: &VerifyOptions) -> Verdict {
        // The element is this scheme's proof, as a signature header is another's: a delivery
        // without it is a negative verdict (missing_header), checked before the key as elsewhere.
        let text = String::from_utf8_lossy(&d.body);
        let Some(found) = organization_id(&text) else {
            return Verdict::new(
                Reason::MissingHeader,
                "the body has no <OrganizationId> element: it is not a Salesforce outbound message",
            )
            .header(SF_FIELD);
        };
        if keys.secrets.is_empty() {
            return Verdict::new(
                Reason::MissingSecret,
                "Salesforce outbound messages are checked against your organization id: pass it as --secret",
            );
        }
        if keys.secrets.iter().any(|s| same_org(found, s)) {
            return Verdict::ok(format!("the outbound message comes from organization {found}"))
                .header(SF_FIELD)
                .signed(found.as_bytes().to_vec())
                .hint("Salesforce signs nothing: also accept only Salesforce's IP ranges, or its client certificate, as its docs advise");
        }
        Verdict::new(
            Reason::WrongSecret,
            format!("the outbound message names organization {found}, not the given one"),
        )
        .header(SF_FIELD)
        .signed(found.as_bytes().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Keys {
        Keys {
            secrets: vec![s.into()],
            public_key: None,
        }
    }

    #[test]
    fn okta_finds_a_renamed_authentication_header() {
        let s = Token::new(TokenKind::Okta);
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers.push("X-Hook-Secret", "s3cret");
        assert!(
            s.verify(&d, &keys("s3cret"), &VerifyOptions::at(0))
                .is_valid()
        );
        assert_eq!(
            s.verify(&d, &keys("other"), &VerifyOptions::at(0)).reason,
            Reason::MissingHeader
        );
        d.headers.push("Authorization", "nope");
        assert_eq!(
            s.verify(&d, &keys("s3cret"), &VerifyOptions::at(0)).reason,
            Reason::WrongSecret
        );
    }

    #[test]
    fn postmark_reads_basic_auth() {
        let s = Token::new(TokenKind::Postmark);
        let mut d = Delivery::new(b"{}".to_vec());
        d.headers.push("Authorization", "Basic dXNlcjpwYXNz");
        assert!(
            s.verify(&d, &keys("user:pass"), &VerifyOptions::at(0))
                .is_valid()
        );
        assert_eq!(
            s.verify(&d, &keys("user:nope"), &VerifyOptions::at(0))
                .reason,
            Reason::WrongSecret
        );
        d.headers.set("Authorization", "Bearer dXNlcjpwYXNz");
        assert_eq!(
            s.verify(&d, &keys("user:pass"), &VerifyOptions::at(0))
                .reason,
            Reason::MalformedHeader
        );
        assert!(matches!(
            s.sign(&SignRequest {
                secret: Some("nocolon".into()),
                ..Default::default()
            }),
            Err(SignError::BadKey(_))
        ));
    }

    #[test]
    fn salesforce_org_ids_in_both_lengths() {
        let xml = r#"<soapenv:Envelope><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>00D000000000062EAA</OrganizationId></notifications></soapenv:Body></soapenv:Envelope>"#;
        let s = Salesforce::new();
        let d = Delivery::new(xml);
        assert!(
            s.verify(&d, &keys("00D000000000062EAA"), &VerifyOptions::at(0))
                .is_valid()
        );
        assert!(
            s.verify(&d, &keys("00D000000000062"), &VerifyOptions::at(0))
                .is_valid()
        );
        assert_eq!(
            s.verify(&d, &keys("00D000000000063"), &VerifyOptions::at(0))
                .reason,
            Reason::WrongSecret
        );
        assert_eq!(
            s.verify(&Delivery::new("<a/>"), &keys("x"), &VerifyOptions::at(0))
                .reason,
            Reason::MissingHeader
        );
        assert_eq!(
            organization_id("<x:OrganizationId> 00Dabc </x:OrganizationId>"),
            Some("00Dabc")
        );
    }
}
