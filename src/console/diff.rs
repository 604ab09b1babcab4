//! Two deliveries compared: the request line, the headers (by name, any case), and the body —
//! JSON-aware when both bodies are JSON (a key that only moved is no difference; changed values
//! and added or removed paths are), a line diff for other text, sizes for binary.

use serde::Serialize;
use serde_json::Value;
use similar::{ChangeTag, TextDiff};

use crate::message::Headers;
use crate::store::Record;

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Changed,
    Added,
    Removed,
}

/// One difference at a place: a field of the request line, a header, or a JSON path.
#[derive(Debug, Serialize, PartialEq)]
pub struct Change {
    pub at: String,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
}

/// A line of a text diff, tagged `equal`, `delete` or `insert`.
#[derive(Debug, Serialize, PartialEq)]
pub struct Line {
    pub tag: &'static str,
    pub text: String,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BodyDiff {
    Json { changes: Vec<Change> },
    Text { lines: Vec<Line>, unified: String },
    Binary { equal: bool, sizes: [usize; 2] },
}

#[derive(Debug, Serialize)]
pub struct Diff {
    pub a: String,
    pub b: String,
    /// Whether nothing differs.
    pub same: bool,
    pub request: Vec<Change>,
    pub headers: Vec<Change>,
    pub body: BodyDiff,
}

pub fn diff(a: &Record, b: &Record) -> Diff {
    let mut request = Vec::new();
    for (at, x, y) in [
        ("method", &a.request.method, &b.request.method),
        ("url", &a.request.url, &b.request.url),
    ] {
        if x != y {
            request.push(changed(
                at.into(),
                Value::from(x.as_str()),
                Value::from(y.as_str()),
            ));
        }
    }
    let headers = headers(&a.request.headers, &b.request.headers);
    let body = body(&a.request.body.0, &b.request.body.0);
    let body_same = match &body {
        BodyDiff::Json { changes } => changes.is_empty(),
        BodyDiff::Text { lines, .. } => lines.iter().all(|l| l.tag == "equal"),
        BodyDiff::Binary { equal, .. } => *equal,
    };
    Diff {
        a: a.id.clone(),
        b: b.id.clone(),
        same: request.is_empty() && headers.is_empty() && body_same,
        request,
        headers,
        body,
    }
}

fn changed(at: String, before: Value, after: Value) -> Change {
    Change {
        at,
        kind: Kind::Changed,
        before: Some(before),
        after: Some(after),
    }
}

/// Headers by name, any case, in the first one's order then the second's new ones; a name's
/// repeated values compare as one list.
pub fn headers(a: &Headers, b: &Headers) -> Vec<Change> {
    let mut names: Vec<String> = Vec::new();
    for (n, _) in a.iter().chain(b.iter()) {
        if !names.iter().any(|m| m.eq_ignore_ascii_case(n)) {
            names.push(n.to_string());
        }
    }
    let values = |h: &Headers, n: &str| -> Option<Value> {
        let v: Vec<&str> = h.get_all(n).collect();
        match v.as_slice() {
            [] => None,
            [one] => Some(Value::from(*one)),
            many => Some(Value::from(many.to_vec())),
        }
    };
    names
        .into_iter()
        .filter_map(|n| match (values(a, &n), values(b, &n)) {
            (Some(x), Some(y)) if x == y => None,
            (Some(x), Some(y)) => Some(changed(n, x, y)),
            (Some(x), None) => Some(Change {
                at: n,
                kind: Kind::Removed,
                before: Some(x),
                after: None,
            }),
            (None, Some(y)) => Some(Change {
                at: n,
                kind: Kind::Added,
                before: None,
                after: Some(y),
            }),
            (None, None) => None,
        })
        .collect()
}

pub fn body(a: &[u8], b: &[u8]) -> BodyDiff {
    if let (Ok(x), Ok(y)) = (
        serde_json::from_slice::<Value>(a),
        serde_json::from_slice::<Value>(b),
    ) {
        let mut changes = Vec::new();
        json(&x, &y, "$", &mut changes);
        return BodyDiff::Json { changes };
    }
    match (std::str::from_utf8(a), std::str::from_utf8(b)) {
        (Ok(x), Ok(y)) => {
            let d = TextDiff::from_lines(x, y);
            let lines = d
                .iter_all_changes()
                .map(|c| Line {
                    tag: match c.tag() {
                        ChangeTag::Equal => "equal",
                        ChangeTag::Delete => "delete",
                        ChangeTag::Insert => "insert",
                    },
                    text: c.value().trim_end_matches('\n').to_string(),
                })
                .collect();
            let unified = d.unified_diff().header("a", "b").to_string();
            BodyDiff::Text { lines, unified }
        }
        _ => BodyDiff::Binary {
            equal: a == b,
            sizes: [a.len(), b.len()],
        },
    }
}

/// `data.items[2].id`: a key that is not a plain word is quoted (`data["a.b"]`).
fn child(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match (path == "$", plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        (true, false) => format!("$[{}]", Value::from(key)),
        (false, false) => format!("{path}[{}]", Value::from(key)),
    }
}

fn json(a: &Value, b: &Value, path: &str, out: &mut Vec<Change>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => json(v, w, &child(path, k), out),
                    None => out.push(Change {
                        at: child(path, k),
                        kind: Kind::Removed,
                        before: Some(v.clone()),
                        after: None,
                    }),
                }
            }
            for (k, w) in y {
                if !x.contains_key(k) {
                    out.push(Change {
                        at: child(path, k),
                        kind: Kind::Added,
                        before: None,
                        after: Some(w.clone()),
                    });
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            let index = |i: usize| {
                if path == "$" {
                    format!("$[{i}]")
                } else {
                    format!("{path}[{i}]")
                }
            };
            for i in 0..x.len().max(y.len()) {
                match (x.get(i), y.get(i)) {
                    (Some(v), Some(w)) => json(v, w, &index(i), out),
                    (Some(v), None) => out.push(Change {
                        at: index(i),
                        kind: Kind::Removed,
                        before: Some(v.clone()),
                        after: None,
                    }),
                    (None, Some(w)) => out.push(Change {
                        at: index(i),
                        kind: Kind::Added,
                        before: None,
                        after: Some(w.clone()),
                    }),
                    (None, None) => {}
                }
            }
        }
        (x, y) if x != y => out.push(changed(path.to_string(), x.clone(), y.clone())),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_moved_key_is_no_difference_and_a_changed_value_added_and_removed_path_are() {
        let a = br#"{"type":"invoice.paid","data":{"amount":100,"currency":"usd","old":1}}"#;
        let b = br#"{"data":{"currency":"usd","amount":250,"new":[1]},"type":"invoice.paid"}"#;
        let BodyDiff::Json { changes } = body(a, b) else {
            panic!("both bodies are JSON")
        };
        assert_eq!(
            changes,
            vec![
                changed("data.amount".into(), json!(100), json!(250)),
                Change {
                    at: "data.old".into(),
                    kind: Kind::Removed,
                    before: Some(json!(1)),
                    after: None
                },
                Change {
                    at: "data.new".into(),
                    kind: Kind::Added,
                    before: None,
                    after: Some(json!([1]))
                },
            ]
        );
        let BodyDiff::Json { changes } = body(br#"{"a":1,"b":2}"#, br#"{"b":2,"a":1}"#) else {
            panic!()
        };
        assert!(changes.is_empty());
    }

    #[test]
    fn text_is_diffed_by_line_and_binary_by_size() {
        let BodyDiff::Text { lines, unified } = body(b"a=1\nb=2\n", b"a=1\nb=3\n") else {
            panic!()
        };
        let tags: Vec<&str> = lines.iter().map(|l| l.tag).collect();
        assert_eq!(tags, ["equal", "delete", "insert"]);
        assert!(
            unified.contains("-b=2") && unified.contains("+b=3"),
            "{unified}"
        );
        assert_eq!(
            body(&[0xff, 0], &[0xff]),
            BodyDiff::Binary {
                equal: false,
                sizes: [2, 1]
            }
        );
    }

    #[test]
    fn headers_compare_by_name_in_any_case() {
        let a: Headers = [("Content-Type", "application/json"), ("X-A", "1")]
            .into_iter()
            .collect();
        let b: Headers = [("content-type", "application/json"), ("X-B", "2")]
            .into_iter()
            .collect();
        let d = headers(&a, &b);
        let at: Vec<(&str, &Kind)> = d.iter().map(|c| (c.at.as_str(), &c.kind)).collect();
        assert_eq!(at, [("X-A", &Kind::Removed), ("X-B", &Kind::Added)]);
    }
}
