//! The `--where` language of `logs`: conditions on JSON paths (the grammar `--redact` and
//! `--set` share, in `json_path`) into a record's request body.
//!
//! ```text
//! data.amount > 100        type ~ '^invoice\.'      data.tags contains vip
//! data.email exists        data.items[0].sku == 'A1' data.currency in [usd, eur]
//! not data.email exists    data.items[*].sku == A1   (any element)
//! ```

use regex::Regex;
use serde_json::Value;

use crate::json_path::{Path, unquote};

/// Shown with every parse error, so a user sees what is accepted without opening the docs.
pub const FORMS: &str = "accepted forms: PATH == V, PATH != V, PATH > N, PATH >= N, PATH < N, PATH <= N, \
PATH ~ REGEX, PATH contains V, PATH in [A,B], PATH exists, not PATH exists \
(e.g. 'data.amount > 100'; quote values with spaces: \"data.name == 'Ada L'\")";

/// A value written in a condition: its text, and whether it was quoted (a quoted `'100'` is the
/// string, a bare `100` also matches the number).
#[derive(Debug, Clone)]
pub struct Literal {
    pub text: String,
    pub quoted: bool,
}

#[derive(Debug, Clone)]
pub enum Op {
    Eq(Literal),
    Ne(Literal),
    Gt(Literal),
    Ge(Literal),
    Lt(Literal),
    Le(Literal),
    Matches(Regex),
    Contains(Literal),
    In(Vec<Literal>),
    Exists,
}

/// One `--where` condition.
#[derive(Debug, Clone)]
pub struct Condition {
    pub path: Path,
    pub op: Op,
    pub negated: bool,
    pub source: String,
}

impl Condition {
    /// Parses one `--where` text; the error says what is wrong (without the accepted forms,
    /// which the caller appends).
    pub fn parse(text: &str) -> Result<Condition, String> {
        let src = text.trim();
        let (negated, rest) = match src.strip_prefix("not ").or_else(|| src.strip_prefix('!')) {
            Some(r) => (true, r.trim_start()),
            None => (false, src),
        };
        if rest.is_empty() {
            return Err("the condition is empty".into());
        }
        // The path runs up to the first space or operator character outside brackets.
        let mut depth = 0;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                c if depth == 0 && (c.is_whitespace() || "=!<>~".contains(c)) => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let path = Path::parse(&rest[..end]).map_err(|e| e.to_string())?;
        let after = rest[end..].trim_start();
        if after.is_empty() {
            return Err(format!("no operator after '{}'", &rest[..end]));
        }
        let ops = [
            "==", "!=", ">=", "<=", ">", "<", "~", "=", "contains", "in", "exists",
        ];
        let op_text = ops
            .iter()
            .find(|o| {
                after.starts_with(**o)
                    && (!o.chars().all(char::is_alphabetic)
                        || after[o.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| c.is_whitespace() || c == '['))
            })
            .ok_or_else(|| {
                let word: String = after.chars().take_while(|c| !c.is_whitespace()).collect();
                format!("unknown operator '{word}'")
            })?;
        let value = after[op_text.len()..].trim();
        let lit = || -> Result<Literal, String> {
            if value.is_empty() {
                return Err(format!("'{op_text}' needs a value after it"));
            }
            // `a >> 1`, `a => 1`: a typo, not a comparison with the text "> 1".
            if let Some(c) = value.chars().next().filter(|c| "=<>!~".contains(*c)) {
                return Err(format!(
                    "unexpected '{c}' after '{op_text}' (quote the value if it starts with '{c}')"
                ));
            }
            literal(value)
        };
        let op =
            match *op_text {
                "==" | "=" => Op::Eq(lit()?),
                "!=" => Op::Ne(lit()?),
                ">" => Op::Gt(lit()?),
                ">=" => Op::Ge(lit()?),
                "<" => Op::Lt(lit()?),
                "<=" => Op::Le(lit()?),
                "contains" => Op::Contains(lit()?),
                "~" => {
                    let pattern = lit()?.text;
                    Op::Matches(Regex::new(&pattern).map_err(|e| {
                        format!("'{pattern}' is not a valid regex ({})", one_line(&e))
                    })?)
                }
                "in" => {
                    let inner = value
                        .strip_prefix('[')
                        .and_then(|v| v.strip_suffix(']'))
                        .ok_or_else(|| "'in' needs a list in brackets: in [a,b]".to_string())?;
                    Op::In(split_list(inner)?)
                }
                "exists" => {
                    if !value.is_empty() {
                        return Err(format!("'exists' takes no value, got '{value}'"));
                    }
                    Op::Exists
                }
                _ => unreachable!("every operator is matched above"),
            };
        Ok(Condition {
            path,
            op,
            negated,
            source: src.to_string(),
        })
    }

    /// Whether the condition holds on a body (None: the body is not JSON, so nothing holds but
    /// a negation). A comparison on a missing path is false; with `[*]`, any element may match.
    pub fn holds(&self, body: Option<&Value>) -> bool {
        let found = body.map(|b| self.path.resolve(b)).unwrap_or_default();
        let hit = match &self.op {
            Op::Exists => !found.is_empty(),
            Op::Ne(l) => !found.is_empty() && found.iter().all(|v| !equals(v, l)),
            op => found.iter().any(|v| test(op, v)),
        };
        hit != self.negated
    }
}

fn test(op: &Op, v: &Value) -> bool {
    match op {
        Op::Eq(l) => equals(v, l),
        Op::Ne(l) => !equals(v, l),
        Op::Gt(l) => order(v, l).is_some_and(|o| o.is_gt()),
        Op::Ge(l) => order(v, l).is_some_and(|o| o.is_ge()),
        Op::Lt(l) => order(v, l).is_some_and(|o| o.is_lt()),
        Op::Le(l) => order(v, l).is_some_and(|o| o.is_le()),
        Op::Matches(re) => match v {
            Value::String(s) => re.is_match(s),
            Value::Number(_) | Value::Bool(_) => re.is_match(&v.to_string()),
            _ => false,
        },
        Op::Contains(l) => match v {
            Value::Array(items) => items.iter().any(|i| equals(i, l)),
            Value::String(s) => s.contains(&l.text),
            Value::Object(m) => m.contains_key(&l.text),
            _ => false,
        },
        Op::In(ls) => ls.iter().any(|l| equals(v, l)),
        Op::Exists => true,
    }
}

fn equals(v: &Value, l: &Literal) -> bool {
    match v {
        Value::String(s) => *s == l.text,
        Value::Number(n) => {
            !l.quoted
                && match (n.as_f64(), l.text.parse::<f64>()) {
                    (Some(a), Ok(b)) => a == b,
                    _ => false,
                }
        }
        Value::Bool(b) => !l.quoted && l.text == b.to_string(),
        Value::Null => !l.quoted && l.text == "null",
        other => serde_json::from_str::<Value>(&l.text).is_ok_and(|w| w == *other),
    }
}

/// Numbers compare as numbers; strings compare as text (RFC 3339 times sort correctly).
fn order(v: &Value, l: &Literal) -> Option<std::cmp::Ordering> {
    match v {
        Value::Number(n) => n.as_f64()?.partial_cmp(&l.text.parse::<f64>().ok()?),
        Value::String(s) => Some(s.as_str().cmp(l.text.as_str())),
        _ => None,
    }
}

/// The regex crate explains a syntax error over several lines, with a caret; the last says what.
fn one_line(e: &regex::Error) -> String {
    let text = e.to_string();
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    last.trim().trim_start_matches("error: ").to_string()
}

/// `'text'`, `"text"` (with `\` escaping the quote and itself) or a bare word.
fn literal(text: &str) -> Result<Literal, String> {
    let t = text.trim();
    if t.starts_with('\'') || t.starts_with('"') {
        return unquote(t)
            .map(|text| Literal { text, quoted: true })
            .ok_or_else(|| format!("unterminated quote in {t}"));
    }
    Ok(Literal {
        text: t.to_string(),
        quoted: false,
    })
}

/// `a, 'b c', "d,e"` → three literals.
fn split_list(inner: &str) -> Result<Vec<Literal>, String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in inner.chars() {
        match quote {
            Some(q) => {
                cur.push(c);
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                cur.push(c);
            }
            None if c == ',' => items.push(std::mem::take(&mut cur)),
            None => cur.push(c),
        }
    }
    if quote.is_some() {
        return Err("unterminated quote in the list".into());
    }
    items.push(cur);
    let items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        return Err("'in' needs at least one value: in [a,b]".into());
    }
    items.into_iter().map(|s| literal(s)).collect()
}

/// Every condition must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter(pub Vec<Condition>);

impl Filter {
    /// Parses every `--where`; the error names the bad one and shows the accepted forms.
    pub fn parse(texts: &[String]) -> Result<Filter, String> {
        texts
            .iter()
            .map(|t| Condition::parse(t).map_err(|e| format!("--where '{t}': {e}; {FORMS}")))
            .collect::<Result<Vec<_>, _>>()
            .map(Filter)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a record's request body satisfies every condition.
    pub fn matches(&self, record: &super::Record) -> bool {
        if self.0.is_empty() {
            return true;
        }
        let body = record.body_json();
        self.0.iter().all(|c| c.holds(body.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn holds(cond: &str, body: &Value) -> bool {
        Condition::parse(cond)
            .unwrap_or_else(|e| panic!("{cond}: {e}"))
            .holds(Some(body))
    }

    #[test]
    fn every_operator() {
        let b = json!({"type": "invoice.paid", "data": {"amount": 150, "currency": "usd",
            "tags": ["vip", "eu"], "email": "a@b.c", "items": [{"sku": "A1"}, {"sku": "B2"}],
            "note": "big order", "zero": 0, "flag": true, "when": "2025-03-01T00:00:00Z"}});
        assert!(holds("data.amount > 100", &b));
        assert!(!holds("data.amount > 150", &b));
        assert!(holds("data.amount >= 150", &b));
        assert!(holds("data.amount < 200", &b));
        assert!(holds("data.amount <= 150", &b));
        assert!(holds("data.amount == 150", &b));
        assert!(holds("data.amount == 150.0", &b));
        assert!(
            !holds("data.amount == '150'", &b),
            "a quoted value is a string"
        );
        assert!(holds("data.amount != 10", &b));
        assert!(
            !holds("data.missing != 10", &b),
            "missing paths never compare"
        );
        assert!(holds(r"type ~ '^invoice\.'", &b));
        assert!(!holds(r"type ~ '^charge\.'", &b));
        assert!(holds("data.tags contains vip", &b));
        assert!(!holds("data.tags contains gold", &b));
        assert!(holds("data.note contains 'big o'", &b));
        assert!(holds("data.email exists", &b));
        assert!(!holds("data.phone exists", &b));
        assert!(holds("not data.phone exists", &b));
        assert!(holds("data.items[0].sku == 'A1'", &b));
        assert!(holds("data.items[1].sku == B2", &b));
        assert!(holds("data.items[*].sku == B2", &b));
        assert!(!holds("data.items[5].sku exists", &b));
        assert!(holds("data.currency in [usd, eur]", &b));
        assert!(holds("data.currency in ['gbp','usd']", &b));
        assert!(!holds("data.currency in [gbp]", &b));
        assert!(holds("data.flag == true", &b));
        assert!(holds("data.when > 2025-01-01", &b));
        assert!(holds("data.amount==150", &b), "no spaces needed");
        assert!(holds(r#"data["currency"] == "usd""#, &b));
    }

    #[test]
    fn malformed_conditions_say_what_is_wrong() {
        for (bad, says) in [
            ("data.amount", "no operator"),
            ("data.amount >", "needs a value"),
            ("data.amount like 5", "unknown operator 'like'"),
            ("type ~ '('", "not a valid regex"),
            ("data.x in a,b", "in [a,b]"),
            ("data..x == 1", "empty step"),
            ("data.x == 'open", "unterminated"),
            ("data.x exists 5", "takes no value"),
            ("", "empty"),
            ("data.amount >> 1", "unexpected '>'"),
        ] {
            let e = Condition::parse(bad)
                .err()
                .unwrap_or_else(|| panic!("{bad} parsed"));
            assert!(e.contains(says), "{bad}: {e}");
        }
        let e = Filter::parse(&["data.amount".into()]).unwrap_err();
        assert!(
            e.contains("accepted forms") && e.contains("--where 'data.amount'"),
            "{e}"
        );
    }
}
