//! `hookctl logs show ID`: one record, for a person or as raw HTTP, curl, HAR or JSON.

use anyhow::Result;

use super::masking::Masking;
use crate::cli::{LogsShowArgs, ShowFormat};
use crate::cmd::Ctx;
use crate::cmd::shared::formats;
use crate::cmd::shared::record_lookup;
use crate::output::{self, Exit};

pub fn run(args: LogsShowArgs, ctx: &Ctx) -> Result<Exit> {
    let masking = Masking::new(&args.redact, args.reveal)?;
    let store = ctx.store()?;
    let mut record = record_lookup::record(&store, &args.id)?;
    masking.apply(&mut record);
    let format = args.format.unwrap_or(if ctx.style.json {
        ShowFormat::Json
    } else {
        ShowFormat::Pretty
    });
    match format {
        ShowFormat::Json => output::json(&record)?,
        ShowFormat::Raw => output::bytes(&formats::raw(&record))?,
        ShowFormat::Curl => output::line(formats::curl(&record))?,
        ShowFormat::Har => output::line(serde_json::to_string_pretty(&formats::har([&record]))?)?,
        ShowFormat::Pretty => output::bytes(formats::pretty(&record).as_bytes())?,
    }
    Ok(Exit::Ok)
}
