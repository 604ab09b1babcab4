//! `hookctl logs export` and `logs import`: the log as JSON Lines or HAR 1.2, out and back in.
//! An import is all or nothing: the file is read and checked whole, then written in one
//! transaction.

use std::io::{Read, Write};

use anyhow::Result;
use serde_json::Value;

use super::masking::Masking;
use crate::bail_usage;
use crate::cli::{ExportFormat, LogsExportArgs, LogsImportArgs};
use crate::cmd::Ctx;
use crate::cmd::shared::formats;
use crate::cmd::shared::selection::Selection;
use crate::output::{self, Exit, usage};
use crate::store::Record;

pub fn export(args: LogsExportArgs, ctx: &Ctx) -> Result<Exit> {
    let masking = Masking::new(&args.redact, args.reveal)?;
    let mut sel = Selection::from_flags(&args.filters)?;
    // Oldest first, so that an import replays the log in the order it was written.
    sel.query.oldest_first = true;
    let store = ctx.store()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut n = 0usize;
    if args.format == ExportFormat::Har {
        out.write_all(formats::har_open().as_bytes())?;
    }
    sel.scan(&store, 0, |_, mut r| {
        masking.apply(&mut r);
        // Serialised first, so a closed pipe surfaces as an `io::Error` (exit 0), which
        // serde_json's own error type would hide.
        match args.format {
            ExportFormat::Jsonl => {
                let mut line = serde_json::to_vec(&r)?;
                line.push(b'\n');
                out.write_all(&line)?;
            }
            ExportFormat::Har => {
                out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
                out.write_all(&serde_json::to_vec(&formats::har_entry(&r))?)?;
            }
        }
        n += 1;
        Ok(true)
    })?;
    if args.format == ExportFormat::Har {
        out.write_all(if n == 0 { b"" } else { b"\n" })?;
        out.write_all(formats::HAR_CLOSE.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if !ctx.style.quiet {
        eprintln!("exported {n} record{}", if n == 1 { "" } else { "s" });
    }
    Ok(Exit::Ok)
}

/// Every record of a JSONL or HAR text; the first bad line or entry is named, and nothing is
/// returned past it.
pub fn parse_records(text: &str, name: &str) -> Result<Vec<Record>> {
    // A HAR file is one JSON object with a `log`; JSONL is one record a line.
    if text.trim_start().starts_with('{')
        && let Ok(doc) = serde_json::from_str::<Value>(text)
        && let Some(log) = doc.get("log")
    {
        let Some(entries) = log.get("entries").and_then(Value::as_array) else {
            bail_usage!("{name}: a HAR file needs log.entries, an array");
        };
        return entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                formats::from_har_entry(e).map_err(|m| {
                    usage(format!(
                        "{name}: HAR entry {} (log.entries[{i}]): {m}",
                        i + 1
                    ))
                })
            })
            .collect();
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line).map_err(|e| {
            usage(format!(
                "{name} line {}: not a delivery record ({e}); expected one JSON record a line as `hookctl logs export` writes, or a HAR file",
                i + 1
            ))
        })?;
        out.push(r);
    }
    Ok(out)
}

pub fn import(args: LogsImportArgs, ctx: &Ctx) -> Result<Exit> {
    let (name, bytes) = if args.file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| usage(format!("cannot read stdin: {e}")))?;
        ("stdin".to_string(), buf)
    } else {
        let name = args.file.display().to_string();
        let bytes =
            std::fs::read(&args.file).map_err(|e| usage(format!("cannot read {name}: {e}")))?;
        (name, bytes)
    };
    let Ok(text) = String::from_utf8(bytes) else {
        bail_usage!("{name} is not UTF-8 text: give a JSONL or HAR export");
    };
    let records = parse_records(&text, &name)?;
    let mut store = ctx.store()?;
    let added = store.insert_all(records.iter())?;
    let skipped = records.len() - added;
    if ctx.style.json {
        output::json(&serde_json::json!({
            "read": records.len(),
            "imported": added,
            "duplicates": skipped,
        }))?;
    } else {
        output::line(format_args!(
            "imported {added} record{} from {name}; {skipped} already in the log, skipped",
            if added == 1 { "" } else { "s" }
        ))?;
    }
    Ok(Exit::Ok)
}
