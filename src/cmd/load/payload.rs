//! Unique, signed request content at generator speed: payloads are generated from the catalog (or
//! read from --body-file) once, as templates whose delivery id and timestamp are slots; each
//! request fills the slots with a new id and signs the result through the one signing core.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Result;
use bytes::Bytes;
use rand::Rng;

use crate::cli::LoadArgs;
use crate::cmd::Ctx;
use crate::cmd::shared::input;
use crate::cmd::shared::sample::{self, Sampler};
use crate::message::{Delivery, Headers};
use crate::output::usage;
use crate::signature::{self, KeyMaterial, Scheme};

/// Catalog payloads generated up front; requests cycle through them with new ids. Enough that
/// the bodies vary (amounts, names, line items) without generation costing the hot path anything.
const POOL: usize = 64;

/// The event sent when neither --event nor --body-file is given.
pub const DEFAULT_EVENT: &str = "payment.succeeded";

/// One piece of a template: literal bytes, or a slot filled per request.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Lit(Vec<u8>),
    Id,
    Timestamp,
}

/// Bytes with slots.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Template(Vec<Piece>);

impl Template {
    /// Splits `text` at every occurrence of each marker.
    fn parse(text: &[u8], id: &[u8], timestamp: Option<&[u8]>) -> Template {
        let mut pieces = Vec::new();
        let mut lit = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let rest = &text[i..];
            if !id.is_empty() && rest.starts_with(id) {
                pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                pieces.push(Piece::Id);
                i += id.len();
            } else if let Some(ts) = timestamp.filter(|t| rest.starts_with(t)) {
                pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                pieces.push(Piece::Timestamp);
                i += ts.len();
            } else {
                lit.push(text[i]);
                i += 1;
            }
        }
        pieces.push(Piece::Lit(lit));
        pieces.retain(|p| !matches!(p, Piece::Lit(l) if l.is_empty()));
        Template(pieces)
    }

    fn literal_len(&self) -> usize {
        self.0
            .iter()
            .map(|p| match p {
                Piece::Lit(l) => l.len(),
                _ => 0,
            })
            .sum()
    }

    /// Appends the template with its slots filled to `out`.
    fn render(&self, id: &str, timestamp: &str, out: &mut Vec<u8>) {
        for p in &self.0 {
            match p {
                Piece::Lit(l) => out.extend_from_slice(l),
                Piece::Id => out.extend_from_slice(id.as_bytes()),
                Piece::Timestamp => out.extend_from_slice(timestamp.as_bytes()),
            }
        }
    }

    fn render_string(&self, id: &str, timestamp: &str) -> String {
        let mut out = Vec::with_capacity(self.literal_len() + id.len());
        self.render(id, timestamp, &mut out);
        // Literals are cut from valid UTF-8 at ASCII markers, and the slots are ASCII.
        String::from_utf8(out).unwrap_or_default()
    }
}

/// The shape of the delivery ids a payload carries, so new ones look like the provider's: the
/// original id with its alphanumeric tail replaced by a run counter written in the same alphabet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IdShape {
    prefix: String,
    alphabet: &'static [u8],
    width: usize,
}

const DEC: &[u8] = b"0123456789";
const HEX: &[u8] = b"0123456789abcdef";
const HEX_UPPER: &[u8] = b"0123456789ABCDEF";
const BASE36: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The counter's width: 12 digits hold 10¹² decimal ids, more than any run sends.
const ID_WIDTH: usize = 12;

impl IdShape {
    fn of(id: &str) -> IdShape {
        let tail_len = id
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        if tail_len < 8 {
            // Too short a tail to count in without repeating: add one.
            return IdShape {
                prefix: format!("{id}-"),
                alphabet: BASE36,
                width: ID_WIDTH,
            };
        }
        let tail = &id[id.len() - tail_len..];
        let alphabet = if tail.bytes().all(|b| b.is_ascii_digit()) {
            DEC
        } else if tail
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            HEX
        } else if tail
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        {
            HEX_UPPER
        } else if tail
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        {
            BASE36
        } else {
            BASE62
        };
        let width = tail_len.min(ID_WIDTH);
        IdShape {
            prefix: id[..id.len() - width].to_string(),
            alphabet,
            width,
        }
    }

    /// The id for counter value `n`: distinct `n` below base^width give distinct ids.
    fn make(&self, mut n: u64) -> String {
        let base = self.alphabet.len() as u64;
        let mut digits = [0u8; ID_WIDTH];
        for d in digits[..self.width].iter_mut().rev() {
            *d = self.alphabet[(n % base) as usize];
            n /= base;
        }
        let mut out = String::with_capacity(self.prefix.len() + self.width);
        out.push_str(&self.prefix);
        // Alphabet bytes are ASCII.
        out.extend(digits[..self.width].iter().map(|&b| b as char));
        out
    }
}

/// One payload's templates: body, headers, and its id's shape.
#[derive(Debug, Clone)]
struct Shape {
    body: Template,
    headers: Vec<(String, Template)>,
    id: IdShape,
}

impl Shape {
    /// Checks every header once here, so the hot path can write them as they are: connection
    /// headers are the connection's to set (dropped), and a name or value HTTP cannot carry
    /// (a CR or LF would split the message) is a usage error.
    fn new(body: &[u8], headers: &Headers, id: &str, timestamp: Option<&[u8]>) -> Result<Shape> {
        let mut kept = Vec::with_capacity(headers.0.len());
        for (n, v) in headers.iter() {
            if crate::http::is_hop_by_hop(n) {
                continue;
            }
            if !sendable(n, v) {
                return Err(usage(format!(
                    "header '{n}' cannot be sent in HTTP (a control character or an invalid name): fix -H"
                )));
            }
            kept.push((
                n.to_string(),
                Template::parse(v.as_bytes(), id.as_bytes(), timestamp),
            ));
        }
        Ok(Shape {
            body: Template::parse(body, id.as_bytes(), timestamp),
            headers: kept,
            id: IdShape::of(id),
        })
    }
}

/// How requests are signed: the provider's scheme and key, from the one signing core.
struct Signer {
    scheme: Arc<dyn Scheme>,
    key: KeyMaterial,
}

/// One request's content, signed, ready to send.
pub struct Prepared {
    pub url: String,
    pub headers: Headers,
    pub body: Bytes,
}

/// Makes each request's content. Shared by every worker.
pub struct Payloads {
    shapes: Vec<Shape>,
    signer: Option<Signer>,
    url: String,
    /// Counter for ids, started at a random offset so two runs do not send the same ids.
    next: AtomicU64,
    pub event_type: Option<String>,
    pub provider: Option<String>,
}

impl Payloads {
    /// Resolves --event / --body-file and the signing flags; every mistake is a usage error
    /// found before anything is sent.
    pub fn from_args(args: &LoadArgs, url: &str, ctx: &Ctx) -> Result<Payloads> {
        let (shapes, signer, event_type) = match &args.body_file {
            Some(path) => from_file(path, args, ctx)?,
            None => from_catalog(args, ctx)?,
        };
        let signer = if args.no_sign { None } else { Some(signer) };
        let provider = signer.as_ref().map(|s| s.scheme.info().id.clone());
        Ok(Payloads {
            shapes,
            signer,
            url: url.to_string(),
            next: AtomicU64::new(rand::thread_rng().gen_range(0..1u64 << 32)),
            event_type,
            provider,
        })
    }

    /// Request `k`'s content: a new id in the payload's shape, signed at `timestamp` (Unix s).
    pub fn prepare(&self, k: u64, timestamp: i64) -> Result<Prepared> {
        let shape = &self.shapes[(k % self.shapes.len() as u64) as usize];
        let id = shape.id.make(self.next.fetch_add(1, Ordering::Relaxed));
        let ts = timestamp.to_string();
        let mut body = Vec::with_capacity(shape.body.literal_len() + 64);
        shape.body.render(&id, &ts, &mut body);
        // Room for the signature headers the signer adds, so they cost no reallocation.
        let mut headers = Headers(Vec::with_capacity(shape.headers.len() + 4));
        for (n, t) in &shape.headers {
            headers.push(n.clone(), t.render_string(&id, &ts));
        }
        let mut delivery = Delivery {
            method: "POST".into(),
            url: Some(self.url.clone()),
            headers,
            body,
        };
        if let Some(s) = &self.signer {
            let req = s.key.sign_request(timestamp, id);
            signature::attach(s.scheme.as_ref(), &mut delivery, req).map_err(usage)?;
        }
        Ok(Prepared {
            url: delivery.url.unwrap_or_else(|| self.url.clone()),
            headers: delivery.headers,
            body: Bytes::from(delivery.body),
        })
    }
}

type Resolved = (Vec<Shape>, Signer, Option<String>);

/// A pool of catalog payloads, each a template around its own delivery id.
fn from_catalog(args: &LoadArgs, ctx: &Ctx) -> Result<Resolved> {
    let event = args.event.as_deref().unwrap_or(DEFAULT_EVENT);
    let sampler = if args.no_sign {
        Sampler::unsigned_from_args(event, &args.sample, ctx)?
    } else {
        Sampler::from_args(event, &args.sample, ctx)?
    };
    let mut shapes = Vec::with_capacity(POOL);
    for _ in 0..POOL {
        let u = sampler.fresh()?;
        let mut headers = u.headers;
        if !args.no_sign {
            // The signer sets these on every request: templating them too would be wasted work.
            for h in &sampler.scheme.info().headers {
                headers.remove(h);
            }
        }
        add_user_agent(&mut headers);
        shapes.push(Shape::new(&u.body, &headers, &u.message_id, None)?);
    }
    let event_type = Some(sampler.event.event_type.clone());
    let signer = Signer {
        scheme: sampler.scheme.clone(),
        key: sampler.key.clone(),
    };
    Ok((shapes, signer, event_type))
}

/// --body-file with `{{id}}` and `{{timestamp}}`, signed as --provider (standard-webhooks by
/// default, as domain-pack events are).
fn from_file(path: &std::path::Path, args: &LoadArgs, ctx: &Ctx) -> Result<Resolved> {
    let body = input::read_file(path, "--body-file")?;
    let provider = args
        .sample
        .provider
        .as_deref()
        .unwrap_or(crate::events::DEFAULT_PROVIDER);
    // The scheme and key are found as a catalog event's are (sample.rs), only the default
    // provider differs: a file names no provider of its own.
    let sign = !args.no_sign;
    let scheme = sample::scheme_for(provider, &args.sample, &ctx.config()?, sign)?;
    let key = sample::key_for(
        scheme.as_ref(),
        &args.sample,
        ctx,
        sign.then_some(crate::cmd::shared::key_lookup::NewKey::Saved),
    )?;
    let mut headers = Headers::new();
    let json = serde_json::from_slice::<serde_json::Value>(&body).is_ok();
    headers.push(
        "Content-Type",
        if json {
            "application/json"
        } else {
            "application/octet-stream"
        },
    );
    for (n, v) in input::parse_headers(&args.sample.headers)?.iter() {
        headers.set(n, v);
    }
    add_user_agent(&mut headers);
    let shape = Shape::new(&body, &headers, "{{id}}", Some(b"{{timestamp}}"))?;
    // {{id}} takes the shape of a fresh message id, as `sign` and `replay --resign` make them.
    let shape = Shape {
        id: IdShape::of(&signature::new_message_id()),
        ..shape
    };
    Ok((vec![shape], Signer { scheme, key }, None))
}

/// Whether HTTP can carry this header as it is (no CR/LF to split the message, a valid name).
pub fn sendable(name: &str, value: &str) -> bool {
    http::HeaderName::from_bytes(name.as_bytes()).is_ok()
        && http::HeaderValue::from_str(value).is_ok()
}

fn add_user_agent(headers: &mut Headers) {
    if !headers.contains("User-Agent") {
        headers.push("User-Agent", crate::http::USER_AGENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn templates_fill_every_slot_and_keep_the_rest_byte_exact() {
        let t = Template::parse(
            br#"{"id":"{{id}}","at":{{timestamp}},"again":"{{id}}","x":"{{other}}"}"#,
            b"{{id}}",
            Some(b"{{timestamp}}"),
        );
        let mut out = Vec::new();
        t.render("msg_1", "1700000000", &mut out);
        assert_eq!(
            out,
            br#"{"id":"msg_1","at":1700000000,"again":"msg_1","x":"{{other}}"}"#
        );
    }

    #[test]
    fn new_ids_keep_the_shape_and_never_repeat() {
        let uuid = "0b5a8c1e-4b1f-4c3a-9d2e-7f6a5b4c3d2e";
        let s = IdShape::of(uuid);
        let id = s.make(255);
        assert_eq!(id.len(), uuid.len());
        assert!(id.starts_with("0b5a8c1e-4b1f-4c3a-9d2e-") && id.ends_with("0000000000ff"));

        let s = IdShape::of("evt_1NqDkLJm3oTY9kQrZ8pWxYz");
        let ids: HashSet<String> = (0..10_000).map(|n| s.make(n)).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(
            ids.iter()
                .all(|i| i.len() == 27 && i.starts_with("evt_1NqDkLJm3oT"))
        );

        let s = IdShape::of("4812");
        assert_eq!(s.make(35), "4812-00000000000z");

        let digits = IdShape::of("123456789012345");
        assert_eq!(digits.make(42), "123000000000042");
    }
}
