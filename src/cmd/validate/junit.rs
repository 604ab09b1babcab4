//! JUnit XML for CI systems: `<testsuites>`, one `<testsuite>` per endpoint, one `<testcase>` per
//! check; `fail` (and `warn` under `--strict`) is a `<failure>`, `skip` is `<skipped>`.

use std::path::Path;

use anyhow::{Context, Result};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::check::Status;
use super::suite::Report;

/// The XML document for `reports`.
pub fn render(reports: &[Report], strict: bool) -> Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let failed = |s: Status| s.fails(strict);
    let total: usize = reports.iter().map(|r| r.checks.len()).sum();
    let failures: usize = reports
        .iter()
        .flat_map(|r| &r.checks)
        .filter(|c| failed(c.status))
        .count();
    let skipped: usize = reports
        .iter()
        .flat_map(|r| &r.checks)
        .filter(|c| c.status == Status::Skip)
        .count();
    let seconds = |ms: f64| format!("{:.3}", ms / 1000.0);
    let all_ms: f64 = reports
        .iter()
        .flat_map(|r| &r.checks)
        .map(|c| c.duration_ms)
        .sum();

    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "hookctl validate"));
    root.push_attribute(("tests", total.to_string().as_str()));
    root.push_attribute(("failures", failures.to_string().as_str()));
    root.push_attribute(("errors", "0"));
    root.push_attribute(("skipped", skipped.to_string().as_str()));
    root.push_attribute(("time", seconds(all_ms).as_str()));
    w.write_event(Event::Start(root))?;
    for r in reports {
        let suite_name = r.name.clone().unwrap_or_else(|| r.url.clone());
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", suite_name.as_str()));
        suite.push_attribute(("tests", r.checks.len().to_string().as_str()));
        let f = r.checks.iter().filter(|c| failed(c.status)).count();
        suite.push_attribute(("failures", f.to_string().as_str()));
        suite.push_attribute(("errors", "0"));
        let s = r.checks.iter().filter(|c| c.status == Status::Skip).count();
        suite.push_attribute(("skipped", s.to_string().as_str()));
        let ms: f64 = r.checks.iter().map(|c| c.duration_ms).sum();
        suite.push_attribute(("time", seconds(ms).as_str()));
        w.write_event(Event::Start(suite))?;

        w.write_event(Event::Start(BytesStart::new("properties")))?;
        for (k, v) in [
            ("url", Some(r.url.as_str())),
            ("provider", r.provider.as_deref()),
            ("event", r.event.as_deref()),
        ] {
            if let Some(v) = v {
                let mut p = BytesStart::new("property");
                p.push_attribute(("name", k));
                p.push_attribute(("value", v));
                w.write_event(Event::Empty(p))?;
            }
        }
        w.write_event(Event::End(BytesEnd::new("properties")))?;

        for c in &r.checks {
            let mut case = BytesStart::new("testcase");
            case.push_attribute(("name", c.id));
            case.push_attribute((
                "classname",
                format!("hookctl.validate.{suite_name}").as_str(),
            ));
            case.push_attribute(("time", seconds(c.duration_ms).as_str()));
            w.write_event(Event::Start(case))?;
            if failed(c.status) {
                let mut e = BytesStart::new("failure");
                e.push_attribute(("message", c.detail.as_str()));
                e.push_attribute(("type", c.status.as_str()));
                w.write_event(Event::Start(e))?;
                w.write_event(Event::Text(BytesText::new(&c.detail)))?;
                w.write_event(Event::End(BytesEnd::new("failure")))?;
            } else if c.status == Status::Skip {
                let mut e = BytesStart::new("skipped");
                e.push_attribute(("message", c.detail.as_str()));
                w.write_event(Event::Empty(e))?;
            } else {
                // pass, info, advice and a warning that does not fail: the detail, for the CI's log.
                w.write_event(Event::Start(BytesStart::new("system-out")))?;
                let text = format!("{}: {}", c.status.as_str(), c.detail);
                w.write_event(Event::Text(BytesText::new(&text)))?;
                w.write_event(Event::End(BytesEnd::new("system-out")))?;
            }
            w.write_event(Event::End(BytesEnd::new("testcase")))?;
        }
        w.write_event(Event::End(BytesEnd::new("testsuite")))?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

pub fn write(path: &Path, reports: &[Report], strict: bool) -> Result<()> {
    let xml = render(reports, strict)?;
    std::fs::write(path, xml).with_context(|| format!("cannot write --junit {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::validate::check::Outcome;

    #[test]
    fn details_are_escaped_and_warnings_fail_only_under_strict() {
        let r = Report {
            url: "http://h/x?a=1&b=<2>".into(),
            name: None,
            provider: Some("standard-webhooks".into()),
            event: None,
            passed: false,
            checks: vec![
                Outcome {
                    id: "tls",
                    status: Status::Warn,
                    detail: "plain \"http\" & <no> tls".into(),
                    duration_ms: 1.0,
                },
                Outcome {
                    id: "latency",
                    status: Status::Skip,
                    detail: "--probes 0".into(),
                    duration_ms: 0.0,
                },
            ],
        };
        let lax = String::from_utf8(render(std::slice::from_ref(&r), false).unwrap()).unwrap();
        assert!(lax.contains("failures=\"0\""), "{lax}");
        assert!(lax.contains("&amp; &lt;no&gt;"), "{lax}");
        assert!(lax.contains("<skipped message=\"--probes 0\"/>"), "{lax}");
        let strict = String::from_utf8(render(&[r], true).unwrap()).unwrap();
        assert!(strict.contains("<failure message="), "{strict}");
        assert!(strict.contains("failures=\"1\""), "{strict}");
    }
}
