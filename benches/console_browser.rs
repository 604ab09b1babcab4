//! The console's page in a real browser, measured: how long the detail of a 1 MiB JSON body takes
//! to build and paint, and whether the page stays responsive while 1,000 deliveries a second
//! stream in for 10 s (the list capped, the heap flat). Run by bench/console-browser.sh, which
//! builds the release `hookctl` this drives; figures, not a pass/fail test.
//!
//! `cargo bench --bench console_browser -- --hookctl target/release/hookctl [--rate 1000] [--secs 10]`

#[path = "../tests/common/browser.rs"]
mod browser;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use browser::{Browser, Console};
use hookctl::store::{Body, Record, RequestPart, ResponsePart, Source, Status, Store};
use serde_json::Value;

/// A delivery as trigger writes one: a Stripe-shaped JSON body of about `size` bytes.
fn record(i: usize, size: usize) -> Record {
    let mut body = format!(
        r#"{{"id":"evt_{i:08}","type":"invoice.paid","data":{{"object":{{"id":"in_{i}","amount":{},"currency":"usd"}},"items":["#,
        i % 1000
    );
    let mut n = 0;
    while body.len() < size {
        if n > 0 {
            body.push(',');
        }
        body.push_str(&format!(
            r#"{{"sku":"SKU-{n:06}","name":"Line item {n} with a longer description to fill","qty":{},"price":{}}}"#,
            n % 7,
            n * 13 % 10_000
        ));
        n += 1;
    }
    body.push_str("]}}");
    let mut r = Record::new(
        Source::Trigger,
        RequestPart {
            method: "POST".into(),
            url: "http://127.0.0.1:3000/hooks".into(),
            headers: [
                ("Content-Type", "application/json"),
                ("Stripe-Signature", "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"),
            ]
            .into_iter()
            .collect(),
            body: Body(body.into_bytes()),
        },
    );
    r.event_type = Some("invoice.paid".into());
    r.provider = Some("stripe".into());
    r.status = Status::Delivered;
    r.duration_ms = Some(3.5);
    r.response = Some(ResponsePart {
        status: 200,
        headers: [("Content-Type", "text/plain")].into_iter().collect(),
        body: Body(b"ok".to_vec()),
    });
    r
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1]
}

fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        Value::String(s) => s.parse().unwrap_or(f64::NAN),
        _ => f64::NAN,
    }
}

async fn detail(b: &Browser, id: &str, runs: usize) {
    let mut render = Vec::new();
    let mut paint = Vec::new();
    let mut fetch = Vec::new();
    for _ in 0..runs {
        b.eval(&format!(
            "const d = document.getElementById('detail'); delete d.dataset.paintMs; \
             document.querySelector(\"#list-body tr[data-id='{id}'] td:nth-child(2)\").click();"
        ))
        .await;
        let v = b
            .until(
                "the 1 MiB detail painted",
                "const d = document.getElementById('detail').dataset; \
                 return d.paintMs ? [d.fetchMs, d.renderMs, d.paintMs] : null",
            )
            .await;
        fetch.push(num(&v[0]));
        render.push(num(&v[1]));
        paint.push(num(&v[2]));
        b.eval("document.querySelector('#detail button[aria-label^=Close]').click()")
            .await;
    }
    println!(
        "detail of a 1 MiB JSON body ({runs} runs): build {:.1} ms median ({:.1} max), until painted {:.1} ms median ({:.1} max); API fetch {:.1} ms median",
        median(&mut render),
        render.iter().cloned().fold(0.0, f64::max),
        median(&mut paint),
        paint.iter().cloned().fold(0.0, f64::max),
        median(&mut fetch)
    );
}

/// Floods the log at `rate` a second for `secs` from this process, while the browser is asked
/// every 100 ms how it is doing.
async fn stream(b: &Browser, db: PathBuf, rate: usize, secs: u64) {
    // Longest gap between animation frames, and long tasks, as the page lives through it.
    b.eval(
        "window.benchProbe = { maxGap: 0, longTasks: 0, last: performance.now() };\
         const tick = (t) => { const p = window.benchProbe; p.maxGap = Math.max(p.maxGap, t - p.last); p.last = t; requestAnimationFrame(tick); };\
         requestAnimationFrame(tick);\
         new PerformanceObserver((l) => { window.benchProbe.longTasks += l.getEntries().length; }).observe({ entryTypes: ['longtask'] });",
    )
    .await;
    b.eval("if (window.gc) gc()").await;
    let heap_before = num(&b
        .eval("return performance.memory ? performance.memory.usedJSHeapSize : 0")
        .await);
    let before = b.eval("return window.hookctlConsole.stats()").await;
    let total = rate * secs as usize;
    let writer = std::thread::spawn(move || {
        let store = Store::open(&db).unwrap();
        let start = Instant::now();
        for i in 0..total {
            // Paced by the clock, not by sleeps that drift: record i is due at i/rate s.
            let due = Duration::from_secs_f64(i as f64 / rate as f64);
            if let Some(wait) = due.checked_sub(start.elapsed()) {
                std::thread::sleep(wait);
            }
            store.insert(&record(i, 600)).unwrap();
        }
        start.elapsed()
    });
    let mut round_trips = Vec::new();
    let mut max_rows = 0.0f64;
    while !writer.is_finished() {
        let t = Instant::now();
        let s = b.eval("return window.hookctlConsole.stats()").await;
        round_trips.push(t.elapsed().as_secs_f64() * 1000.0);
        max_rows = max_rows.max(num(&s["rows"]));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let wrote_in = writer.join().unwrap();
    let expected = num(&before["streamed"]) + total as f64;
    // The tail of the stream is still on its way: wait for it (the server may also say `lagged`).
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut after = b.eval("return window.hookctlConsole.stats()").await;
    while num(&after["streamed"]) < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        after = b.eval("return window.hookctlConsole.stats()").await;
    }
    let probe = b.eval("return window.benchProbe").await;
    b.eval("if (window.gc) gc()").await;
    let heap_after = num(&b
        .eval("return performance.memory ? performance.memory.usedJSHeapSize : 0")
        .await);
    println!(
        "stream: wrote {total} records in {:.2} s ({:.0}/s); the page heard {} of them; rows on screen at most {} (the list keeps {} at most, {} during a flood), {} at the end",
        wrote_in.as_secs_f64(),
        total as f64 / wrote_in.as_secs_f64(),
        num(&after["streamed"]) - num(&before["streamed"]),
        max_rows,
        num(&after["cap"]),
        num(&after["floodRows"]),
        num(&after["rows"])
    );
    println!(
        "responsiveness during the stream: WebDriver script round trip {:.1} ms median, {:.1} ms p95, {:.1} ms max ({} samples); longest gap between frames {:.0} ms; long tasks (>50 ms) {}",
        median(&mut round_trips),
        pct(&mut round_trips, 0.95),
        round_trips.iter().cloned().fold(0.0, f64::max),
        round_trips.len(),
        num(&probe["maxGap"]),
        num(&probe["longTasks"])
    );
    let draws = num(&after["draws"]) - num(&before["draws"]);
    println!(
        "list drawing: {draws} draws, {:.1} ms of script each on average, {:.1} ms the longest ({:.0} ms a second of stream)",
        (num(&after["drawMs"]) - num(&before["drawMs"])) / draws.max(1.0),
        num(&after["maxDrawMs"]),
        (num(&after["drawMs"]) - num(&before["drawMs"])) / secs as f64
    );
    println!(
        "JS heap: {:.1} MiB before, {:.1} MiB after",
        heap_before / 1048576.0,
        heap_after / 1048576.0
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo test --all-targets` runs this too, without --bench: it must not start a browser.
    if !args.iter().any(|a| a == "--bench") {
        println!("console browser benchmark: run it with bench/console-browser.sh");
        return;
    }
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let program =
        PathBuf::from(arg("--hookctl").unwrap_or_else(|| "target/release/hookctl".into()));
    assert!(
        program.exists(),
        "{} is missing: build it with cargo build --release",
        program.display()
    );
    let rate: usize = arg("--rate").map_or(1000, |r| r.parse().unwrap());
    let secs: u64 = arg("--secs").map_or(10, |s| s.parse().unwrap());

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deliveries.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let big = record(0, 1 << 20);
    let big_id = big.id.clone();
    {
        let store = Store::open(&db).unwrap();
        store.insert(&big).unwrap();
    }
    let console = Console::start(
        &program,
        dir.path(),
        &[("HOOKCTL_CONFIG", &config), ("HOOKCTL_DB", &db)],
    );
    let b = Browser::start_with(&["--enable-precise-memory-info", "--js-flags=--expose-gc"]).await;
    b.goto(&console.url).await;
    b.until(
        "the live stream connected",
        "return document.querySelector('#live.on') !== null",
    )
    .await;
    b.find(&format!("#list-body tr[data-id='{big_id}']")).await;
    println!("chromium {}", b.eval("return navigator.userAgent").await);
    detail(&b, &big_id, 7).await;
    stream(&b, db, rate, secs).await;
}
