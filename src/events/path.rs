//! `--set data.object.amount=5000`: writing one value into a payload by a dotted path.

use serde_json::{Map, Value};

use crate::json_path::{Path, Seg, SyntaxError};

/// Why a path could not be set: always the caller's input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PathError {
    #[error("empty path: write it as 'a.b.c' (array items by index: 'items.0.price')")]
    Empty,
    #[error("path '{0}' has an empty segment: write it as 'a.b.c'")]
    EmptySegment(String),
    #[error("cannot set '{0}': [*] is every element, and --set writes one place: give an index")]
    EveryElement(String),
    #[error("{0}: write it as 'a.b.c' (array items by index: 'items.0.price')")]
    Syntax(SyntaxError),
    #[error("cannot set '{path}': '{at}' is {kind}, not an object or array")]
    NotAContainer {
        path: String,
        at: String,
        kind: &'static str,
    },
    #[error("cannot set '{path}': '{at}' is an array: index it with a number (0..={max})")]
    NotAnIndex {
        path: String,
        at: String,
        max: usize,
    },
    #[error(
        "cannot set '{path}': index {index} is past the end of '{at}' ({len} items; {len} appends)"
    )]
    OutOfRange {
        path: String,
        at: String,
        index: usize,
        len: usize,
    },
}

/// The shared grammar's errors, with `--set`'s own words for an empty path or step.
impl From<SyntaxError> for PathError {
    fn from(e: SyntaxError) -> Self {
        match e {
            SyntaxError::Empty => PathError::Empty,
            SyntaxError::EmptyStep(p) | SyntaxError::TrailingDot(p) => PathError::EmptySegment(p),
            other => PathError::Syntax(other),
        }
    }
}

/// A `--set` value: JSON where it parses (numbers, booleans, null, objects, arrays, quoted
/// strings), else the text itself.
pub fn parse_value(raw: &str) -> Value {
    serde_json::from_str(raw.trim()).unwrap_or_else(|_| Value::String(raw.to_string()))
}

/// Sets `path` (dotted; `items.0.price` or `items[0].price`, the grammar of `--where`) in `root` to `raw` parsed by
/// [`parse_value`]. Missing object keys are created; an index one past the end appends.
pub fn set_path(root: &mut Value, path: &str, raw: &str) -> Result<(), PathError> {
    set_value(root, path, parse_value(raw))
}

/// As [`set_path`], with the value already parsed.
pub fn set_value(root: &mut Value, path: &str, value: Value) -> Result<(), PathError> {
    let segments = Path::parse(path)?.0;
    let mut cur = root;
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let at = || {
            if i == 0 {
                "$".to_string()
            } else {
                Path(segments[..i].to_vec()).to_string()
            }
        };
        if cur.is_null() {
            *cur = Value::Object(Map::new());
        }
        let key = match seg {
            Seg::Key(k) => k.clone(),
            Seg::Index(n) => n.to_string(),
            Seg::Any => return Err(PathError::EveryElement(path.to_string())),
        };
        cur = match cur {
            Value::Object(map) => {
                let slot = map.entry(key).or_insert(Value::Null);
                if last {
                    *slot = value;
                    return Ok(());
                }
                slot
            }
            Value::Array(items) => {
                let len = items.len();
                let index: usize = key.parse().map_err(|_| PathError::NotAnIndex {
                    path: path.to_string(),
                    at: at(),
                    max: len,
                })?;
                if index > len {
                    return Err(PathError::OutOfRange {
                        path: path.to_string(),
                        at: at(),
                        index,
                        len,
                    });
                }
                if index == len {
                    items.push(Value::Null);
                }
                if last {
                    items[index] = value;
                    return Ok(());
                }
                &mut items[index]
            }
            other => {
                return Err(PathError::NotAContainer {
                    path: path.to_string(),
                    at: at(),
                    kind: match other {
                        Value::String(_) => "a string",
                        Value::Number(_) => "a number",
                        Value::Bool(_) => "a boolean",
                        _ => "null",
                    },
                });
            }
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_typed_where_they_parse() {
        let mut v = json!({"data": {"object": {"amount": 1}}, "items": [{"p": 1}]});
        set_path(&mut v, "data.object.amount", "5000").unwrap();
        set_path(&mut v, "data.object.live", "true").unwrap();
        set_path(&mut v, "data.object.note", "hello world").unwrap();
        set_path(&mut v, "data.object.meta", r#"{"a":[1,2]}"#).unwrap();
        set_path(&mut v, "data.object.zip", r#""01234""#).unwrap();
        set_path(&mut v, "items[0].p", "2.5").unwrap();
        set_path(&mut v, "items.1", "null").unwrap();
        set_path(&mut v, "new.deep.key", "x").unwrap();
        assert_eq!(v["data"]["object"]["amount"], json!(5000));
        assert_eq!(v["data"]["object"]["live"], json!(true));
        assert_eq!(v["data"]["object"]["note"], json!("hello world"));
        assert_eq!(v["data"]["object"]["meta"]["a"][1], json!(2));
        assert_eq!(v["data"]["object"]["zip"], json!("01234"));
        assert_eq!(v["items"][0]["p"], json!(2.5));
        assert_eq!(v["items"].as_array().unwrap().len(), 2);
        assert_eq!(v["new"]["deep"]["key"], json!("x"));
    }

    #[test]
    fn bad_paths_say_what_is_wrong() {
        let mut v = json!({"a": "text", "items": [1]});
        assert_eq!(set_path(&mut v, "", "1"), Err(PathError::Empty));
        assert!(matches!(
            set_path(&mut v, "a..b", "1"),
            Err(PathError::EmptySegment(_))
        ));
        let e = set_path(&mut v, "a.b", "1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot set 'a.b': 'a' is a string, not an object or array"
        );
        assert!(matches!(
            set_path(&mut v, "items.x", "1"),
            Err(PathError::NotAnIndex { .. })
        ));
        assert!(matches!(
            set_path(&mut v, "items.5", "1"),
            Err(PathError::OutOfRange { .. })
        ));
    }

    #[test]
    fn set_reads_the_where_grammar_but_writes_one_place() {
        let mut v = json!({"items": [1, 2]});
        assert!(matches!(
            set_path(&mut v, "items[*]", "3"),
            Err(PathError::EveryElement(_))
        ));
        set_path(&mut v, "$.items.1", "3").unwrap();
        set_path(&mut v, r#"["odd.key"]"#, "4").unwrap();
        assert_eq!(v, json!({"items": [1, 3], "odd.key": 4}));
    }
}
