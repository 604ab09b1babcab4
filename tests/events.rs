//! The event catalog: every event generates fresh payloads that pass its own schema, every
//! provider-shaped event signs and verifies with its provider, and the `events` commands keep
//! their contract (JSON shape, exit codes, user catalogs) through the real binary.

mod common;

use common::stdout_json;

use std::collections::BTreeMap;

use assert_cmd::Command;
use hookctl::events::{Catalog, Encoding};
use hookctl::message::Delivery;
use hookctl::signature::{Registry, SignRequest, VerifyOptions};
use predicates::prelude::*;
use serde_json::Value;

fn hookctl(dir: &tempfile::TempDir) -> Command {
    common::hookctl(dir.path())
}

#[test]
fn every_event_generates_payloads_that_pass_its_own_schema() {
    let catalog = Catalog::builtin().unwrap();
    let mut rng = rand::thread_rng();
    let mut failures = Vec::new();
    for ev in catalog.events() {
        let a = ev.generate(&mut rng);
        let b = ev.generate(&mut rng);
        assert_ne!(
            a.message_id, b.message_id,
            "{}: same message id twice",
            ev.id
        );
        assert_ne!(a.body, b.body, "{}: same body twice", ev.id);
        for g in [&a, &b] {
            // What a receiver parses from the wire is what the schema describes.
            let parsed = ev.parse_payload(&g.body).unwrap();
            assert_eq!(parsed, g.payload, "{}: body and payload differ", ev.id);
            for v in ev.validate(&parsed).unwrap() {
                failures.push(format!("{}: {}: {}", ev.id, v.path, v.message));
            }
            assert_eq!(
                g.headers.get("Content-Type").map(|c| c.starts_with(
                    if ev.encoding == Encoding::Form {
                        "application/x-www-form-urlencoded"
                    } else {
                        "application/json"
                    }
                )),
                Some(true),
                "{}",
                ev.id
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // One delivery names one teammate: Intercom sends the assignee's id as a number on the
    // conversation and as a string on the assignment part, and a sample's two must agree.
    let assigned = catalog
        .get("intercom.conversation.admin.assigned")
        .unwrap()
        .generate(&mut rng)
        .payload;
    let item = &assigned["data"]["item"];
    let assignee = item["admin_assignee_id"].as_u64().expect("a number");
    assert_eq!(
        item["conversation_parts"]["conversation_parts"][0]["assigned_to"]["id"],
        Value::String(assignee.to_string()),
        "{item}"
    );
}

#[test]
fn the_catalog_is_large_unique_and_covers_the_providers_and_packs() {
    let catalog = Catalog::builtin().unwrap();
    assert!(catalog.len() >= 250, "only {} events", catalog.len());
    let mut ids: Vec<&str> = catalog.ids().collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate event ids");
    let mut per_pack: BTreeMap<&str, usize> = BTreeMap::new();
    for e in catalog.events() {
        *per_pack.entry(e.pack.as_str()).or_default() += 1;
        assert!(!e.description.is_empty(), "{} has no description", e.id);
    }
    for p in [
        "stripe",
        "github",
        "shopify",
        "slack",
        "twilio",
        "standard-webhooks",
        "svix",
        "clerk",
        "zoom",
        "paddle",
        "square",
        "linear",
        "intercom",
        "sendgrid",
        "mailgun",
        "pagerduty",
        "twitch",
        "typeform",
        "calendly",
        "hubspot",
        "discord",
        "business",
        "crm",
        "commerce",
        "wedding",
    ] {
        assert!(per_pack.get(p).is_some_and(|n| *n > 0), "no events for {p}");
    }
    for id in [
        "stripe.payment_intent.succeeded",
        "github.push",
        "github.ping",
        "shopify.orders.create",
        "payment.succeeded",
        "ticket.created",
        "business.created",
        "review.created",
        "invoice.created",
        "client.created",
        "booking.guest_count_changed",
    ] {
        assert!(catalog.get(id).is_some(), "missing {id}");
    }
}

#[test]
fn provider_events_carry_the_event_headers_their_provider_sends() {
    let catalog = Catalog::builtin().unwrap();
    let mut rng = rand::thread_rng();
    let g = catalog.get("github.push").unwrap().generate(&mut rng);
    assert_eq!(g.headers.get("X-GitHub-Event"), Some("push"));
    assert_eq!(
        g.headers.get("X-GitHub-Delivery"),
        Some(g.message_id.as_str())
    );
    assert!(
        g.headers
            .get("User-Agent")
            .unwrap()
            .starts_with("GitHub-Hookshot/")
    );
    let g = catalog
        .get("shopify.orders.create")
        .unwrap()
        .generate(&mut rng);
    assert_eq!(g.headers.get("X-Shopify-Topic"), Some("orders/create"));
    assert_eq!(
        g.headers.get("X-Shopify-Webhook-Id"),
        Some(g.message_id.as_str())
    );
    assert!(
        g.headers
            .get("X-Shopify-Shop-Domain")
            .unwrap()
            .ends_with(".myshopify.com")
    );
    let g = catalog
        .get("stripe.payment_intent.succeeded")
        .unwrap()
        .generate(&mut rng);
    assert!(
        g.headers
            .get("User-Agent")
            .unwrap()
            .starts_with("Stripe/1.0")
    );
    assert_eq!(g.payload["id"], g.message_id.as_str());
    assert_eq!(g.payload["type"], "payment_intent.succeeded");
    assert_eq!(g.payload["data"]["object"]["object"], "payment_intent");
    let amount = &g.payload["data"]["object"]["amount"];
    assert!(amount.is_u64(), "{amount}");
}

#[test]
fn every_provider_event_signs_and_verifies_with_its_provider() {
    let catalog = Catalog::builtin().unwrap();
    let registry = Registry::builtin();
    let mut rng = rand::thread_rng();
    let mut n = 0;
    for ev in catalog.events() {
        let provider = ev.signed_with();
        let scheme = registry
            .get(provider)
            .unwrap_or_else(|| panic!("{}: provider {provider} is not in the registry", ev.id));
        let g = ev.generate(&mut rng);
        let key = scheme.new_key(&[7; 32]);
        let url = "https://hooks.example.com/webhooks/in".to_string();
        let req = SignRequest {
            body: g.body.clone(),
            timestamp: g.timestamp,
            id: g.message_id.clone(),
            method: "POST".into(),
            url: Some(url.clone()),
            headers: g.headers.clone(),
            secret: key.secret.clone(),
            private_key: key.private_key.clone(),
            key_id: None,
            variant: None,
        };
        let signed = scheme
            .sign(&req)
            .unwrap_or_else(|e| panic!("{}: sign with {provider} failed: {e}", ev.id));
        let mut headers = g.headers.clone();
        for (name, value) in signed.headers.iter() {
            headers.set(name, value);
        }
        let delivery = Delivery {
            method: "POST".into(),
            url: Some(signed.url.clone().unwrap_or(url)),
            headers,
            body: signed.body.clone().unwrap_or(g.body.clone()),
        };
        let v = scheme.verify(
            &delivery,
            &key.verifying_keys(),
            &VerifyOptions::at(g.timestamp + 1),
        );
        assert!(
            v.is_valid(),
            "{} ({provider}): {} {}",
            ev.id,
            v.reason.as_str(),
            v.detail
        );
        n += 1;
    }
    assert!(n >= 250, "{n}");
}

#[test]
fn events_list_json_is_one_array_of_id_provider_pack_description() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args(["events", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = stdout_json(&out);
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 250, "{}", rows.len());
    for r in rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "provider", "pack", "description"], "{r}");
    }
    let push = rows.iter().find(|r| r["id"] == "github.push").unwrap();
    assert_eq!(push["provider"], "github");
    let ticket = rows.iter().find(|r| r["id"] == "ticket.created").unwrap();
    assert_eq!(ticket["provider"], Value::Null);
    assert_eq!(ticket["pack"], "crm");

    // `events` alone lists too, and --provider filters.
    let out = hookctl(&dir)
        .args(["events", "--provider", "stripe", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = stdout_json(&out);
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|r| r["provider"] == "stripe")
    );
    hookctl(&dir)
        .args(["events", "list", "--provider", "strpe"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stripe"));
}

#[test]
fn events_show_prints_headers_schema_and_a_fresh_sample() {
    let dir = tempfile::tempdir().unwrap();
    let show = |dir: &tempfile::TempDir| {
        let out = hookctl(dir)
            .args(["events", "show", "github.push", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        stdout_json(&out)
    };
    let a = show(&dir);
    let b = show(&dir);
    assert_eq!(a["provider"], "github");
    assert_eq!(a["signed_with"], "github");
    assert_eq!(a["schema"]["type"], "object");
    assert!(a["sample"]["commits"].is_array());
    assert_ne!(
        a["sample"]["after"], b["sample"]["after"],
        "samples are fresh"
    );
    let headers = a["headers"].as_array().unwrap();
    assert!(
        headers
            .iter()
            .any(|h| h[0] == "X-GitHub-Event" && h[1] == "push")
    );

    let d = hookctl(&dir)
        .args(["events", "show", "ticket.created", "--json"])
        .output()
        .unwrap();
    assert_eq!(stdout_json(&d)["signed_with"], "standard-webhooks");

    hookctl(&dir)
        .args(["events", "show", "stripe.payment_intent.succeeded"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Sample payload"))
        .stdout(predicate::str::contains("User-Agent: Stripe/1.0"));
}

#[test]
fn events_show_prints_the_sample_first_and_the_schema_only_with_schema() {
    let dir = tempfile::tempdir().unwrap();
    let text = |args: &[&str]| {
        let out = hookctl(&dir)
            .args(["events", "show", "github.push", "--color", "never"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = text(&[]);
    let sample = plain.find("Sample payload:").expect(&plain);
    assert!(
        plain[..sample].lines().count() < 10,
        "the sample comes first:\n{plain}"
    );
    assert!(!plain.contains("Schema:"), "{plain}");
    let with = text(&["--schema"]);
    let schema = with.find("Schema:").expect(&with);
    assert!(with.find("Sample payload:").unwrap() < schema);
    assert!(with[schema..].contains("\"type\": \"object\""));
}

#[test]
fn unknown_events_exit_2_with_the_closest_name() {
    let dir = tempfile::tempdir().unwrap();
    hookctl(&dir)
        .args(["events", "show", "github.psuh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 'github.push'"));
    hookctl(&dir)
        .args(["events", "show", "payment_intent.succeeded"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stripe.payment_intent.succeeded"));
    let f = dir.path().join("p.json");
    std::fs::write(&f, "{}").unwrap();
    hookctl(&dir)
        .args(["events", "lint"])
        .arg(&f)
        .args(["--event", "tikcet.created"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ticket.created"));
}

#[test]
fn lint_exits_0_for_a_valid_payload_and_1_listing_each_violation() {
    let dir = tempfile::tempdir().unwrap();
    let out = hookctl(&dir)
        .args([
            "events",
            "show",
            "stripe.payment_intent.succeeded",
            "--json",
        ])
        .output()
        .unwrap();
    let mut sample = stdout_json(&out)["sample"].clone();
    let good = dir.path().join("good.json");
    std::fs::write(&good, serde_json::to_vec(&sample).unwrap()).unwrap();
    hookctl(&dir)
        .args(["events", "lint"])
        .arg(&good)
        .args(["--event", "stripe.payment_intent.succeeded"])
        .assert()
        .code(0);

    sample["data"]["object"]["amount"] = "lots".into();
    // Stripe's definition of a PaymentIntent: its status is one of the spec's enum.
    sample["data"]["object"]["status"] = "teleported".into();
    sample.as_object_mut().unwrap().remove("type");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_vec(&sample).unwrap()).unwrap();
    let out = hookctl(&dir)
        .args(["events", "lint"])
        .arg(&bad)
        .args(["--event", "stripe.payment_intent.succeeded"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("data.object.amount: ") && l.contains("integer")),
        "{text}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("data.object.status: ")),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("$: ") && l.contains("type")),
        "{text}"
    );

    let out = hookctl(&dir)
        .args(["events", "lint", "--json"])
        .arg(&bad)
        .args(["--event", "stripe.payment_intent.succeeded"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc = stdout_json(&out);
    assert_eq!(doc["valid"], false);
    assert_eq!(doc["violations"].as_array().unwrap().len(), 3);

    let not_json = dir.path().join("x.json");
    std::fs::write(&not_json, "{nope").unwrap();
    hookctl(&dir)
        .args(["events", "lint"])
        .arg(&not_json)
        .args(["--event", "github.push"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("$: not valid JSON"));
    hookctl(&dir)
        .args(["events", "lint"])
        .arg(dir.path().join("missing.json"))
        .args(["--event", "github.push"])
        .assert()
        .code(2);
}

/// `events lint FILE --event EVENT` on `payload`: the exit code and stdout.
fn lint(dir: &tempfile::TempDir, event: &str, payload: &Value) -> (Option<i32>, String) {
    let file = dir.path().join("payload.json");
    std::fs::write(&file, serde_json::to_vec(payload).unwrap()).unwrap();
    let out = hookctl(dir)
        .args(["events", "lint"])
        .arg(&file)
        .args(["--event", event])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn sample(dir: &tempfile::TempDir, event: &str) -> Value {
    let out = hookctl(dir)
        .args(["events", "show", event, "--json"])
        .output()
        .unwrap();
    stdout_json(&out)["sample"].clone()
}

#[test]
fn lint_accepts_a_real_payload_whose_values_the_sample_never_draws() {
    let dir = tempfile::tempdir().unwrap();
    let mut push = sample(&dir, "github.push");
    let repo = &mut push["repository"];
    repo["name"] = "my-repo".into();
    repo["full_name"] = "someone/my-repo".into();
    repo["owner"]["login"] = "someone".into();
    repo["language"] = "Elixir".into();
    repo["id"] = 42.into();
    let (code, out) = lint(&dir, "github.push", &push);
    assert_eq!(code, Some(0), "{out}");

    let mut paid = sample(&dir, "stripe.payment_intent.succeeded");
    paid["data"]["object"]["currency"] = "chf".into();
    paid["data"]["object"]["amount"] = 1.into();
    let (code, out) = lint(&dir, "stripe.payment_intent.succeeded", &paid);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn lint_still_rejects_a_wrong_type_a_missing_field_and_another_events_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut push = sample(&dir, "github.push");
    push["repository"]["name"] = 7.into();
    push.as_object_mut().unwrap().remove("ref");
    let (code, out) = lint(&dir, "github.push", &push);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("repository.name: ")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("$: ") && l.contains("ref")),
        "{out}"
    );

    let mut paid = sample(&dir, "stripe.payment_intent.succeeded");
    paid["type"] = "charge.refunded".into();
    let (code, out) = lint(&dir, "stripe.payment_intent.succeeded", &paid);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.lines().any(|l| l.starts_with("type: ")), "{out}");
}

#[test]
fn no_schema_of_the_catalog_pins_a_value_but_the_events_own_type() {
    fn pinned(schema: &Value, at: &str, out: &mut Vec<String>) {
        match schema {
            Value::Object(map) => {
                for (k, v) in map {
                    if k == "enum" || k == "const" {
                        out.push(format!("{at}: {k} {v}"));
                    }
                    pinned(v, &format!("{at}/{k}"), out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| pinned(v, at, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for ev in Catalog::builtin().unwrap().events() {
        let mut pins = Vec::new();
        pinned(&ev.schema(), "", &mut pins);
        let own_type = format!("const \"{}\"", ev.event_type);
        found.extend(
            pins.into_iter()
                .filter(|p| !p.ends_with(&own_type))
                .map(|p| format!("{}: {p}", ev.id)),
        );
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_user_catalog_adds_and_overrides_events() {
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events");
    std::fs::create_dir(&events).unwrap();
    std::fs::write(
        events.join("acme.yaml"),
        r#"
pack: acme
provider: null
headers:
  X-Acme-Event: "{{$type}}"
envelope:
  type: "{{$type}}"
  data: "{{$payload}}"
events:
  - id: acme.widget.shipped
    description: A widget left the warehouse.
    payload:
      widget_id: "{{id:wdg_}}"
      carrier: "{{choice:ups|dhl}}"
  - id: github.push
    description: Our own push.
    payload:
      overridden: true
"#,
    )
    .unwrap();
    let out = hookctl(&dir)
        .args(["events", "list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = stdout_json(&out);
    let rows = rows.as_array().unwrap();
    let acme = rows
        .iter()
        .find(|r| r["id"] == "acme.widget.shipped")
        .unwrap();
    assert_eq!(acme["pack"], "acme");
    assert_eq!(acme["provider"], Value::Null);
    let push: Vec<_> = rows.iter().filter(|r| r["id"] == "github.push").collect();
    assert_eq!(push.len(), 1);
    assert_eq!(push[0]["description"], "Our own push.");

    let out = hookctl(&dir)
        .args(["events", "show", "acme.widget.shipped", "--json"])
        .output()
        .unwrap();
    let doc = stdout_json(&out);
    assert_eq!(doc["sample"]["type"], "widget.shipped");
    assert!(
        doc["sample"]["data"]["widget_id"]
            .as_str()
            .unwrap()
            .starts_with("wdg_")
    );

    // --catalog adds another directory, read last.
    let extra = tempfile::tempdir().unwrap();
    std::fs::write(
        extra.path().join("more.json"),
        r#"{"pack": "more", "provider": "stripe", "events": [{"id": "more.thing", "description": "d", "payload": {"n": "{{int:1:2}}"}}]}"#,
    )
    .unwrap();
    let out = hookctl(&dir)
        .args(["events", "show", "more.thing", "--json", "--catalog"])
        .arg(extra.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout_json(&out)["provider"], "stripe");
}

#[test]
fn a_broken_user_file_exits_2_naming_the_file_and_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events");
    std::fs::create_dir(&events).unwrap();
    std::fs::write(
        events.join("broken.json"),
        r#"{"pack": "x", "events": [{"id": "x.y", "description": "d", "payload": {"email": "{{emial}}"}}]}"#,
    )
    .unwrap();
    hookctl(&dir)
        .args(["events", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.json"))
        .stderr(predicate::str::contains("payload.email"))
        .stderr(predicate::str::contains("{{email}}"));

    std::fs::write(events.join("broken.json"), "pack: [unclosed").unwrap();
    std::fs::rename(events.join("broken.json"), events.join("broken.yaml")).unwrap();
    hookctl(&dir)
        .args(["events", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.yaml"));

    std::fs::remove_file(events.join("broken.yaml")).unwrap();
    hookctl(&dir)
        .args(["events", "list", "--catalog"])
        .arg(dir.path().join("nowhere"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere"));
}
