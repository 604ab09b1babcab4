//! Delivery-log write rates: one record a transaction (as `trigger` and `listen` write), a whole
//! batch in one transaction (as `logs import` does), and 1 MiB bodies. Run by bench/logs.sh,
//! which then times `hookctl logs` queries on the log this leaves at `--db PATH`.
//!
//! `cargo bench --bench logs -- [--db PATH] [--records N]`

use std::time::Instant;

use hookctl::store::{Body, Record, RequestPart, ResponsePart, Source, Status, Store};

const EVENTS: &[&str] = &[
    "invoice.paid",
    "invoice.payment_failed",
    "charge.succeeded",
    "charge.refunded",
    "customer.created",
    "customer.updated",
    "payment_intent.succeeded",
    "payment_intent.canceled",
    "checkout.session.completed",
    "payout.paid",
];

/// A small deterministic generator, so every run writes the same log.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn record(i: usize, rng: &mut Lcg, body: Option<Vec<u8>>) -> Record {
    let event = EVENTS[(rng.next() as usize) % EVENTS.len()];
    let amount = rng.next() % 1000;
    let vip = rng.next().is_multiple_of(10);
    let body = body.unwrap_or_else(|| {
        format!(
            r#"{{"id":"evt_{i:08}","type":"{event}","created":{},"data":{{"object":{{"id":"obj_{i}","amount":{amount},"currency":"usd","customer":"cus_{}","email":"user{i}@example.com"}},"amount":{amount},"tags":[{}]}},"livemode":false}}"#,
            1_700_000_000 + i,
            rng.next() % 5000,
            if vip { r#""vip","eu""# } else { r#""eu""# }
        )
        .into_bytes()
    });
    let mut r = Record::new(
        Source::Trigger,
        RequestPart {
            method: "POST".into(),
            url: format!("http://127.0.0.1:{}/hooks", 3000 + rng.next() % 3),
            headers: [
                ("Content-Type", "application/json"),
                ("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"),
                (
                    "Stripe-Signature",
                    "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
                ),
            ]
            .into_iter()
            .collect(),
            body: Body(body),
        },
    );
    r.event_type = Some(event.into());
    r.provider = Some("stripe".into());
    r.created_at -= chrono::Duration::seconds(i as i64);
    let failed = rng.next().is_multiple_of(20);
    r.status = if failed {
        Status::Failed
    } else {
        Status::Delivered
    };
    r.duration_ms = Some(1.0 + (rng.next() % 5000) as f64 / 100.0);
    r.response = Some(ResponsePart {
        status: if failed { 500 } else { 200 },
        headers: [("Content-Type", "text/plain")].into_iter().collect(),
        body: Body(b"ok".to_vec()),
    });
    r
}

fn rate(label: &str, n: usize, bytes: usize, secs: f64) {
    println!(
        "{label:<46} {n:>7} records  {:>8.2} s  {:>9.0} records/s  {:>8.1} MiB/s",
        secs,
        n as f64 / secs,
        bytes as f64 / secs / (1024.0 * 1024.0)
    );
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes --bench; `cargo test --all-targets` does not, and should not spend
    // a minute writing 300 MiB in a debug build.
    if !args.iter().any(|a| a == "--bench") {
        println!("delivery-log benchmark: run it with `cargo bench --bench logs` or bench/logs.sh");
        return Ok(());
    }
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let records: usize = arg("--records")
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(100_000);
    let tmp = tempfile::tempdir()?;
    let db = arg("--db")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("bench.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut rng = Lcg(42);

    // One transaction per record, the way a live delivery is written.
    let single = tmp.path().join("single.db");
    let store = Store::open(&single)?;
    let batch: Vec<Record> = (0..10_000).map(|i| record(i, &mut rng, None)).collect();
    let bytes: usize = batch.iter().map(|r| r.request.body.0.len()).sum();
    let t = Instant::now();
    for r in &batch {
        store.insert(r)?;
    }
    rate(
        "insert, small body, one per transaction",
        batch.len(),
        bytes,
        t.elapsed().as_secs_f64(),
    );
    drop(store);

    // The query log: every record in one transaction, as `logs import` writes.
    let mut store = Store::open(&db)?;
    let all: Vec<Record> = (0..records).map(|i| record(i, &mut rng, None)).collect();
    let bytes: usize = all.iter().map(|r| r.request.body.0.len()).sum();
    let t = Instant::now();
    store.insert_all(all.iter())?;
    rate(
        "insert_all, small body, one transaction",
        all.len(),
        bytes,
        t.elapsed().as_secs_f64(),
    );
    drop(all);

    // 1 MiB bodies, one transaction each.
    let big_db = tmp.path().join("big.db");
    let big_store = Store::open(&big_db)?;
    let big: Vec<Record> = (0..200)
        .map(|i| {
            let body: Vec<u8> = (0..1024 * 1024)
                .map(|_| (rng.next() & 0xff) as u8)
                .collect();
            record(i, &mut rng, Some(body))
        })
        .collect();
    let t = Instant::now();
    for r in &big {
        big_store.insert(r)?;
    }
    rate(
        "insert, 1 MiB body, one per transaction",
        big.len(),
        big.len() << 20,
        t.elapsed().as_secs_f64(),
    );

    println!("query log: {} ({} records)", db.display(), store.count()?);
    Ok(())
}
