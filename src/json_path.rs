//! Paths into a JSON document (`data.items[0].sku`, `items.0.sku`, `data["a.b"]`, `items[*].id`):
//! the one grammar that `--where`, `--redact` and `--set` all read.

use std::fmt;

use serde_json::Value;

/// Why a path does not parse: always the user's input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SyntaxError {
    #[error("the path is empty")]
    Empty,
    #[error("path '{0}' has an empty step")]
    EmptyStep(String),
    #[error("path '{0}' ends with '.'")]
    TrailingDot(String),
    #[error("path '{0}' has '[' without ']'")]
    Unclosed(String),
    #[error("path '{path}': [{inner}] is not an index, [*] or a quoted key")]
    BadBracket { path: String, inner: String },
    #[error("path '{0}' contains a space")]
    Space(String),
    #[error("path '{0}': expected '.' or '[' after ']'")]
    AfterBracket(String),
}

/// One step of a path: an object key, an array index, or `[*]` (every element). A key of digits
/// (`items.0`) indexes an array too, as it always did for `--set`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
    Any,
}

/// A path into a JSON document: `data.items[0].sku`, `data["a.b"]`, `items[*].id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn parse(text: &str) -> Result<Path, SyntaxError> {
        let t = text.trim();
        let t = t.strip_prefix("$.").unwrap_or(t);
        if t.is_empty() {
            return Err(SyntaxError::Empty);
        }
        let chars: Vec<char> = t.chars().collect();
        let mut segs = Vec::new();
        let mut i = 0;
        let mut key = String::new();
        let mut expect_key = true;
        while i < chars.len() {
            match chars[i] {
                '.' => {
                    if expect_key && key.is_empty() {
                        return Err(SyntaxError::EmptyStep(t.into()));
                    }
                    if !key.is_empty() {
                        segs.push(Seg::Key(std::mem::take(&mut key)));
                    }
                    expect_key = true;
                    i += 1;
                }
                '[' => {
                    if !key.is_empty() {
                        segs.push(Seg::Key(std::mem::take(&mut key)));
                    } else if expect_key && !segs.is_empty() {
                        return Err(SyntaxError::EmptyStep(t.into()));
                    }
                    let close = chars[i..]
                        .iter()
                        .position(|&c| c == ']')
                        .map(|p| p + i)
                        .ok_or_else(|| SyntaxError::Unclosed(t.into()))?;
                    let inner: String = chars[i + 1..close].iter().collect();
                    let inner = inner.trim();
                    let seg = if inner == "*" {
                        Seg::Any
                    } else if let Ok(n) = inner.parse::<usize>() {
                        Seg::Index(n)
                    } else if let Some(k) = unquote(inner) {
                        Seg::Key(k)
                    } else {
                        return Err(SyntaxError::BadBracket {
                            path: t.into(),
                            inner: inner.into(),
                        });
                    };
                    segs.push(seg);
                    expect_key = false;
                    i = close + 1;
                }
                c if c.is_whitespace() => return Err(SyntaxError::Space(t.into())),
                c => {
                    if !expect_key {
                        return Err(SyntaxError::AfterBracket(t.into()));
                    }
                    key.push(c);
                    i += 1;
                }
            }
        }
        if !key.is_empty() {
            segs.push(Seg::Key(key));
        } else if expect_key {
            return Err(SyntaxError::TrailingDot(t.into()));
        }
        Ok(Path(segs))
    }

    /// Every value the path reaches (several with `[*]`; none when it is missing).
    pub fn resolve<'a>(&self, root: &'a Value) -> Vec<&'a Value> {
        let mut here = vec![root];
        for seg in &self.0 {
            let mut next = Vec::new();
            for v in here {
                match (seg, v) {
                    (Seg::Key(k), Value::Object(m)) => next.extend(m.get(k)),
                    (Seg::Key(k), Value::Array(a)) => {
                        next.extend(k.parse().ok().and_then(|n: usize| a.get(n)))
                    }
                    (Seg::Index(n), Value::Array(a)) => next.extend(a.get(*n)),
                    (Seg::Any, Value::Array(a)) => next.extend(a.iter()),
                    (Seg::Any, Value::Object(m)) => next.extend(m.values()),
                    _ => {}
                }
            }
            here = next;
        }
        here
    }

    /// Replaces every value the path reaches with `with`; returns how many were replaced.
    pub fn replace(&self, root: &mut Value, with: &Value) -> usize {
        fn walk(v: &mut Value, segs: &[Seg], with: &Value) -> usize {
            let Some((seg, rest)) = segs.split_first() else {
                *v = with.clone();
                return 1;
            };
            match (seg, v) {
                (Seg::Key(k), Value::Object(m)) => m.get_mut(k).map_or(0, |c| walk(c, rest, with)),
                (Seg::Key(k), Value::Array(a)) => k
                    .parse()
                    .ok()
                    .and_then(|n: usize| a.get_mut(n))
                    .map_or(0, |c| walk(c, rest, with)),
                (Seg::Index(n), Value::Array(a)) => {
                    a.get_mut(*n).map_or(0, |c| walk(c, rest, with))
                }
                (Seg::Any, Value::Array(a)) => a.iter_mut().map(|c| walk(c, rest, with)).sum(),
                (Seg::Any, Value::Object(m)) => m.values_mut().map(|c| walk(c, rest, with)).sum(),
                _ => 0,
            }
        }
        walk(root, &self.0, with)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Seg::Key(k)
                    if k.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
                {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Seg::Key(k) => write!(f, "[{}]", Value::String(k.clone()))?,
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Any => f.write_str("[*]")?,
            }
        }
        Ok(())
    }
}

/// `'text'` or `"text"`, `\` escaping the quote and itself; `None` when it is not one quoted text.
pub fn unquote(t: &str) -> Option<String> {
    let mut chars = t.chars();
    let q = chars.next().filter(|c| *c == '\'' || *c == '"')?;
    let mut out = String::new();
    let mut escaped = false;
    for (i, c) in chars.by_ref().enumerate() {
        if escaped {
            if c != q && c != '\\' {
                out.push('\\');
            }
            out.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == q {
            // The closing quote must end the text.
            return (i + 2 == t.chars().count()).then_some(out);
        } else {
            out.push(c);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_dotted_index_and_a_bracketed_one_reach_the_same_element() {
        let b = json!({"items": [{"x": 1}, {"x": 2}], "map": {"0": "key"}});
        for text in ["items.1.x", "items[1].x", "$.items.1.x"] {
            let p = Path::parse(text).unwrap();
            assert_eq!(p.resolve(&b), [&json!(2)], "{text}");
        }
        assert_eq!(Path::parse("map.0").unwrap().resolve(&b), [&json!("key")]);
        assert!(Path::parse("items.9.x").unwrap().resolve(&b).is_empty());
    }

    #[test]
    fn paths_replace_values_for_redaction() {
        let mut b = json!({"data": {"email": "a@b.c", "items": [{"e": 1}, {"e": 2}]}});
        let with = json!("***");
        assert_eq!(Path::parse("data.email").unwrap().replace(&mut b, &with), 1);
        assert_eq!(
            Path::parse("data.items[*].e")
                .unwrap()
                .replace(&mut b, &with),
            2
        );
        assert_eq!(
            Path::parse("data.nothing").unwrap().replace(&mut b, &with),
            0
        );
        assert_eq!(
            b,
            json!({"data": {"email": "***", "items": [{"e": "***"}, {"e": "***"}]}})
        );
    }
}
