//! The web console in a real browser: headless Chromium drives the page that `hookctl inspect`
//! serves, against a real log written by `hookctl trigger` and a real loopback target.

#[path = "common/browser.rs"]
mod browser;
mod common;

use std::path::PathBuf;

use browser::{Browser, Console};
use common::{Receiver, hookctl};
use fantoccini::key::Key;
use serde_json::Value;

const SECRET: &str = "whsec_console_browser_test";

/// One browser at a time: on a small machine several Chromiums starve each other past any
/// deadline, and each test is already seconds long.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A console over a fresh log whose config holds Stripe's secret, a target that answers 200,
/// and a browser on the page with its live stream up.
struct World {
    dir: tempfile::TempDir,
    target: Receiver,
    browser: Browser,
    _console: Console,
}

impl World {
    async fn new() -> World {
        World::with_flags(&[]).await
    }

    /// With more Chromium flags (a dark colour scheme).
    async fn with_flags(flags: &[&str]) -> World {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, format!("[secrets]\nstripe = \"{SECRET}\"\n")).unwrap();
        let db = dir.path().join("deliveries.db");
        let console = Console::start(
            &assert_cmd::cargo::cargo_bin("hookctl"),
            dir.path(),
            &[("HOOKCTL_CONFIG", &config), ("HOOKCTL_DB", &db)],
        );
        let browser = Browser::start_with(flags).await;
        // The token in the URL becomes a cookie, and the page comes back without it.
        browser.goto(&console.url).await;
        browser
            .until(
                "the live stream connected",
                "return document.querySelector('#live.on') !== null",
            )
            .await;
        World {
            dir,
            target: Receiver::start(),
            browser,
            _console: console,
        }
    }

    /// `hookctl trigger EVENT` from another process, to the target; the record's id.
    /// Exit 1 (the target answered an error, as told) is a delivery too.
    fn trigger(&self, event: &str, extra: &[&str]) -> String {
        let out = hookctl(self.dir.path())
            .args([
                "trigger",
                event,
                "--to",
                &self.target.url("/hooks"),
                "--json",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "trigger {event} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        self.target.next();
        common::stdout_json(&out)["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A small JSON body file for `trigger --data`, so edits and diffs stay readable.
    fn body_file(&self, name: &str, amount: u32) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(
            &path,
            format!(r#"{{"id":"evt_{name}","type":"charge.succeeded","data":{{"object":{{"id":"ch_1","amount":{amount},"currency":"usd"}}}}}}"#),
        )
        .unwrap();
        path
    }

    async fn row(&self, id: &str) {
        self.browser
            .find(&format!("#list-body tr[data-id='{id}']"))
            .await;
    }

    async fn open(&self, id: &str) {
        self.row(id).await;
        // Clicked in the page, on the row itself: a pointer click lands where the row was when
        // it was found, and a record streamed in meanwhile may have moved another row there.
        self.browser
            .eval(&format!(
                "document.querySelector(\"#list-body tr[data-id='{id}'] td:nth-child(2)\").click()"
            ))
            .await;
        self.browser
            .text_contains("#detail .detail-head .id", id)
            .await;
    }

    /// Waits until every row's signature cell holds its verdict (they are asked once the list
    /// holds still), so a screenshot shows them.
    async fn verdicts_drawn(&self) {
        self.browser
            .until(
                "every row's verdict drawn",
                "return !Array.from(document.querySelectorAll('#list-body td:last-child')).some((td) => td.textContent === '…')",
            )
            .await;
    }

    /// The ids the list shows, top to bottom.
    async fn listed(&self) -> Vec<String> {
        let v = self
            .browser
            .eval("return Array.from(document.querySelectorAll('#list-body tr')).map(r => r.dataset.id)")
            .await;
        serde_json::from_value(v).unwrap()
    }
}

async fn one_browser() -> tokio::sync::MutexGuard<'static, ()> {
    ONE_BROWSER.lock().await
}

#[tokio::test]
async fn a_delivery_triggered_by_another_process_appears_in_the_list_without_a_reload() {
    let _one = one_browser().await;
    let w = World::new().await;
    // A reload would forget this.
    w.browser.eval("window.sameDocument = 'yes'").await;
    let first = w.trigger("stripe.payment_intent.succeeded", &[]);
    w.row(&first).await;
    let second = w.trigger("github.push", &[]);
    w.row(&second).await;
    w.trigger("shopify.orders.create", &[]);
    w.target.respond_with(&[(500, &[])]);
    w.trigger("stripe.charge.failed", &["--retries", "0"]);
    w.trigger("stripe.charge.refunded", &[]);
    w.trigger("slack.app_mention", &[]);
    w.trigger("ticket.created", &[]);
    let last = w.trigger("stripe.invoice.paid", &[]);
    w.row(&last).await;
    let same = w.browser.eval("return window.sameDocument").await;
    assert_eq!(same, "yes", "the page reloaded instead of streaming");
    let ids = w.listed().await;
    assert_eq!(ids.first(), Some(&last), "newest first: {ids:?}");
    let row = w
        .browser
        .text_contains(
            &format!("#list-body tr[data-id='{first}']"),
            "payment_intent.succeeded",
        )
        .await;
    assert!(row.contains("delivered 200"), "{row}");
    w.verdicts_drawn().await;
    w.browser.screenshot("console-list").await;
}

#[tokio::test]
async fn the_filter_box_narrows_the_list_with_the_filters_of_logs() {
    let _one = one_browser().await;
    let w = World::new().await;
    let charge = w.trigger("stripe.charge.succeeded", &[]);
    let push = w.trigger("github.push", &[]);
    w.row(&charge).await;
    w.row(&push).await;

    let filter = w.browser.find("#filter").await;
    filter.send_keys("event:'charge.*'").await.unwrap();
    filter.send_keys(&Key::Enter.to_string()).await.unwrap();
    w.browser
        .until(
            "the push delivery filtered out",
            &format!("return document.querySelector(\"#list-body tr[data-id='{push}']\") === null"),
        )
        .await;
    assert_eq!(w.listed().await, vec![charge.clone()]);
    assert!(
        w.browser
            .eval("return location.hash")
            .await
            .as_str()
            .unwrap()
            .contains("filter="),
        "the filter is kept in the address"
    );

    // A delivery that does not match stays out even when it arrives live; one that matches comes in.
    w.trigger("github.ping", &[]);
    let another = w.trigger("stripe.charge.refunded", &[]);
    w.row(&another).await;
    assert_eq!(w.listed().await, vec![another, charge]);

    // A filter `logs` would refuse is refused here too, saying what to write.
    let filter = w.browser.find("#filter").await;
    filter.clear().await.unwrap();
    filter.send_keys("colour:blue").await.unwrap();
    filter.send_keys(&Key::Enter.to_string()).await.unwrap();
    let notice = w.browser.text_contains("#notice", "unknown filter").await;
    assert!(notice.contains("event:"), "{notice}");

    // The search box finds text inside bodies, as `q` does for the API.
    let body = w.body_file("needle", 77);
    let needle = w.trigger(
        "stripe.charge.succeeded",
        &["--data", body.to_str().unwrap()],
    );
    let filter = w.browser.find("#filter").await;
    filter.clear().await.unwrap();
    w.browser
        .find("#search")
        .await
        .send_keys("evt_needle")
        .await
        .unwrap();
    w.browser
        .until(
            "the search narrowed the list to the one body holding it",
            &format!(
                "const ids = Array.from(document.querySelectorAll('#list-body tr')).map(r => r.dataset.id); \
                 return ids.length === 1 && ids[0] === '{needle}'"
            ),
        )
        .await;
}

#[tokio::test]
async fn the_detail_shows_the_signature_verdict_and_for_a_tampered_delivery_the_reason() {
    let _one = one_browser().await;
    let w = World::new().await;
    let body = w.body_file("tamper", 1000);
    let id = w.trigger(
        "stripe.charge.succeeded",
        &["--data", body.to_str().unwrap(), "--secret", SECRET],
    );
    w.open(&id).await;
    let verdict = w.browser.text_contains("#verdict", "valid").await;
    assert!(verdict.contains('✓'), "{verdict}");
    assert!(verdict.to_lowercase().contains("stripe"), "{verdict}");
    w.browser.text_contains("#detail", "Stripe-Signature").await;
    w.browser.text_contains("#detail .body-meta", "JSON").await;

    // Tampered: the body changed after it was signed, and the stale signature went with it.
    w.browser.find("#detail-edit").await.click().await.unwrap();
    let edit = w.browser.find("#replay-body").await;
    edit.clear().await.unwrap();
    let tampered = r#"{"id":"evt_tamper","type":"charge.succeeded","data":{"object":{"id":"ch_1","amount":1,"currency":"usd"}}}"#;
    edit.send_keys(tampered).await.unwrap();
    // Re-sign comes on by itself when the body changes; a tamperer turns it off.
    let resign = w.browser.find("#replay-resign").await;
    assert!(
        resign.is_selected().await.unwrap(),
        "re-sign is on once the body changed"
    );
    resign.click().await.unwrap();
    w.browser.find("#replay-send").await.click().await.unwrap();
    let got = w.target.next();
    assert_eq!(got.body, tampered.as_bytes());

    let verdict = w.browser.text_contains("#verdict", "invalid").await;
    assert!(verdict.contains('✗'), "{verdict}");
    let reason = w
        .browser
        .eval("return document.getElementById('verdict').dataset.reason")
        .await;
    assert!(
        matches!(reason.as_str(), Some("bad_signature" | "body_modified")),
        "the reason names the failure: {reason} ({verdict})"
    );
    // The why, not just the verdict: what was signed and what to suspect.
    assert!(verdict.len() > 60, "{verdict}");
    w.verdicts_drawn().await;
    w.browser.screenshot("console-detail").await;
}

#[tokio::test]
async fn edit_and_replay_sends_a_new_re_signed_record_that_the_target_receives() {
    let _one = one_browser().await;
    let w = World::new().await;
    let body = w.body_file("edit", 1000);
    let original = w.trigger(
        "stripe.charge.succeeded",
        &["--data", body.to_str().unwrap()],
    );
    w.open(&original).await;

    w.browser.find("#detail-edit").await.click().await.unwrap();
    let edit = w.browser.find("#replay-body").await;
    edit.clear().await.unwrap();
    let edited = r#"{"id":"evt_edit","type":"charge.succeeded","data":{"object":{"id":"ch_1","amount":4242,"currency":"usd"}}}"#;
    edit.send_keys(edited).await.unwrap();
    let to = w.browser.find("#replay-to").await;
    to.send_keys(&w.target.url("/edited")).await.unwrap();
    w.browser.find("#replay-send").await.click().await.unwrap();

    let got = w.target.next();
    assert_eq!(got.target, "/edited");
    assert_eq!(got.body, edited.as_bytes());
    got.assert_signed("stripe", SECRET);

    // The new record opens, linked to the one it came from, and the list has it.
    let head = w.browser.text_contains("#detail", "replay of").await;
    assert!(head.contains(&original), "{head}");
    let new_id: String = w
        .browser
        .eval("return document.querySelector('#detail .detail-head .id').textContent")
        .await
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(new_id, original);
    w.row(&new_id).await;
    // The replay's row is the one marked open now, not the original's.
    w.browser
        .until(
            "the replay's row marked open",
            &format!(
                "return document.querySelector(\"#list-body tr[data-id='{new_id}']\").classList.contains('open')
                    && !document.querySelector(\"#list-body tr[data-id='{original}']\").classList.contains('open')"
            ),
        )
        .await;
    let out = hookctl(w.dir.path())
        .args(["logs", "show", &new_id, "--json"])
        .output()
        .unwrap();
    let rec: Value = common::stdout_json(&out);
    assert_eq!(rec["replay_of"], original.as_str());
    assert_eq!(rec["request"]["body"], edited);
}

#[tokio::test]
async fn diff_of_two_picked_deliveries_shows_the_changed_field() {
    let _one = one_browser().await;
    let w = World::new().await;
    let a = w.trigger(
        "stripe.charge.succeeded",
        &["--data", w.body_file("a", 1111).to_str().unwrap()],
    );
    let b = w.trigger(
        "stripe.charge.succeeded",
        &["--data", w.body_file("b", 2222).to_str().unwrap()],
    );
    w.row(&a).await;
    w.row(&b).await;
    for id in [&a, &b] {
        w.browser
            .find(&format!("#list-body tr[data-id='{id}'] .pick"))
            .await
            .click()
            .await
            .unwrap();
    }
    w.browser.find("#diff-button").await.click().await.unwrap();
    let diff = w.browser.text_contains("#diff-body", "amount").await;
    assert!(diff.contains("1111") && diff.contains("2222"), "{diff}");
    // The ids differ too; the currency, the same in both, is no difference.
    assert!(!diff.contains("currency"), "{diff}");
    w.browser.screenshot("console-diff").await;
}

#[tokio::test]
async fn the_testing_console_sends_a_catalog_event_that_the_target_receives() {
    let _one = one_browser().await;
    let w = World::new().await;
    w.browser.find("#tab-console").await.click().await.unwrap();
    let search = w.browser.find("#catalog-search").await;
    search.send_keys("invoice.paid").await.unwrap();
    w.browser
        .find("#catalog-results button[data-event='stripe.invoice.paid']")
        .await
        .click()
        .await
        .unwrap();
    w.browser
        .until(
            "a generated payload",
            "return document.getElementById('payload').value.includes('invoice')",
        )
        .await;
    w.browser.text_contains("#schema-status", "matches").await;

    // A payload that breaks the schema is caught as it is typed.
    w.browser
        .find("#payload")
        .await
        .send_keys("x")
        .await
        .unwrap();
    w.browser.text_contains("#schema-status", "✗").await;
    w.browser
        .find("#generate-button")
        .await
        .click()
        .await
        .unwrap();
    w.browser.text_contains("#schema-status", "matches").await;

    w.browser
        .find("#send-to")
        .await
        .send_keys(&w.target.url("/from-console"))
        .await
        .unwrap();
    w.browser.screenshot("console-testing").await;
    w.browser.find("#send-button").await.click().await.unwrap();
    let got = w.target.next();
    assert_eq!(got.target, "/from-console");
    got.assert_signed("stripe", SECRET);
    let sent: Value = serde_json::from_slice(&got.body).unwrap();
    assert_eq!(sent["type"], "invoice.paid");
    let result = w.browser.text_contains("#send-result", "dlv_").await;
    assert!(result.contains("200"), "{result}");
}

#[tokio::test]
async fn the_list_works_from_the_keyboard() {
    let _one = one_browser().await;
    let w = World::new().await;
    let older = w.trigger("github.push", &[]);
    let newer = w.trigger("stripe.charge.succeeded", &[]);
    w.row(&older).await;
    w.row(&newer).await;
    let b = &w.browser;
    let keys = |k: String| async move {
        b.client
            .active_element()
            .await
            .unwrap()
            .send_keys(&k)
            .await
            .unwrap();
    };
    b.eval("document.activeElement.blur()").await;
    keys("j".into()).await; // enters the list on its first row
    keys("j".into()).await;
    let focused = b
        .eval("return document.activeElement.dataset.id || ''")
        .await;
    assert_eq!(focused, older.as_str(), "j moved to the second row");
    keys(Key::Enter.to_string()).await;
    b.text_contains("#detail .detail-head .id", &older).await;
    keys(Key::Escape.to_string()).await;
    b.until(
        "Esc closed the detail",
        "return document.getElementById('detail').hidden",
    )
    .await;
    let back = b
        .eval("return document.activeElement.dataset.id || ''")
        .await;
    assert_eq!(back, older.as_str(), "focus returns to the row it left");
    keys("k".into()).await;
    let up = b
        .eval("return document.activeElement.dataset.id || ''")
        .await;
    assert_eq!(up, newer.as_str());
    // The focused row is visibly marked.
    let outline = b
        .eval("return getComputedStyle(document.activeElement).outlineStyle")
        .await;
    assert_ne!(outline, "none");
}

#[tokio::test]
async fn a_1_mib_json_body_opens_as_a_collapsed_tree_that_expands_on_demand() {
    let _one = one_browser().await;
    let w = World::new().await;
    let items: Vec<Value> = (0..9000)
        .map(
            |i| serde_json::json!({"sku": format!("SKU-{i:05}"), "name": "x".repeat(80), "qty": i}),
        )
        .collect();
    let body =
        serde_json::to_vec(&serde_json::json!({"type": "bulk.order", "data": {"items": items}}))
            .unwrap();
    assert!(body.len() > 1 << 20, "{} bytes", body.len());
    let path = w.dir.path().join("big.json");
    std::fs::write(&path, &body).unwrap();
    let id = w.trigger(
        "stripe.charge.succeeded",
        &["--data", path.to_str().unwrap()],
    );
    w.open(&id).await;
    w.browser
        .text_contains("#detail .bodyview", "{2 keys}")
        .await;
    // Collapsed children are not built: the page holds a screenful, not 9,000 nodes.
    let nodes = w
        .browser
        .eval("return document.querySelectorAll('#detail .jt *').length")
        .await;
    assert!(
        nodes.as_u64().unwrap() < 200,
        "{nodes} tree nodes before any click"
    );
    // Opened the way a click opens them: data, then its 9,000 items.
    w.browser
        .eval("document.querySelector('#detail .jt details details').open = true")
        .await;
    w.browser.text_contains("#detail .jt", "[9000 items]").await;
    w.browser
        .eval("document.querySelector('#detail .jt details details details').open = true")
        .await;
    // The first 500 items, each still collapsed, and a button for the next 500.
    w.browser
        .text_contains("#detail .jt", "show 500 more of 8500")
        .await;
    let built = w
        .browser
        .eval("return document.querySelectorAll('#detail .jt details details details > details').length")
        .await;
    assert_eq!(built, 500, "built in chunks of 500");
}

#[tokio::test]
async fn copy_as_curl_raw_http_and_har_put_what_logs_show_prints_on_the_clipboard() {
    let _one = one_browser().await;
    let w = World::new().await;
    let id = w.trigger("github.push", &["-H", "X-Api-Key: k3y-that-stays-masked"]);
    w.open(&id).await;
    // The clipboard, kept where the test can read it back (headless Chromium has no other).
    w.browser
        .eval("window.copied = null; navigator.clipboard.writeText = async (t) => { window.copied = t; };")
        .await;
    let show = |format: &str| {
        let out = hookctl(w.dir.path())
            .args(["logs", "show", &id, "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let mut copied = std::collections::HashMap::new();
    for format in ["curl", "raw", "har"] {
        w.browser.eval("window.copied = null").await;
        w.browser
            .find(&format!("#detail button[data-format='{format}']"))
            .await
            .click()
            .await
            .unwrap();
        let text = w
            .browser
            .until(&format!("copy as {format}"), "return window.copied")
            .await;
        copied.insert(format, text.as_str().unwrap().to_string());
    }
    assert_eq!(copied["curl"].trim_end(), show("curl").trim_end());
    assert_eq!(copied["raw"], show("raw"));
    assert!(
        !copied["curl"].contains("k3y-that-stays-masked"),
        "{}",
        copied["curl"]
    );
    let har: Value = serde_json::from_str(&copied["har"]).unwrap();
    let cli: Value = serde_json::from_str(&show("har")).unwrap();
    assert_eq!(har["log"]["entries"], cli["log"]["entries"]);
}

#[tokio::test]
async fn a_masked_credential_is_shown_only_when_clicked() {
    let _one = one_browser().await;
    let w = World::new().await;
    let id = w.trigger("github.push", &["-H", "X-Api-Key: k3y-only-on-click"]);
    w.open(&id).await;
    let before = w.browser.text_contains("#detail", "click to reveal").await;
    assert!(!before.contains("k3y-only-on-click"), "{before}");
    let html = w
        .browser
        .eval("return document.documentElement.outerHTML")
        .await;
    assert!(
        !html.as_str().unwrap().contains("k3y-only-on-click"),
        "the credential reached the page before the click"
    );
    w.browser
        .find("#detail button[aria-label='Reveal x-api-key']")
        .await
        .click()
        .await
        .unwrap();
    w.browser
        .text_contains("#detail", "k3y-only-on-click")
        .await;
}

/// The refresh after a lag and the stream can both bring a record: one already shown that comes
/// again in a batch with newer ones must leave the newer ones drawn above it. (It once took the
/// whole batch down: its row was replaced while the newer rows waited to go in before it.)
#[tokio::test]
async fn a_record_streamed_again_with_newer_ones_leaves_the_newer_ones_shown() {
    let _one = one_browser().await;
    let w = World::new().await;
    let shown = w.trigger("invoice.paid", &[]);
    w.row(&shown).await;
    // One batch, as the stream hands it to the list: a newer record, then the shown one again.
    w.browser
        .eval(&format!(
            "const list = await import('/page/js/list.js');
             const rec = await (await fetch('/api/deliveries/{shown}')).json();
             const newer = {{ ...rec, id: 'dlv_newer', created_at: new Date(Date.parse(rec.created_at) + 1000).toISOString() }};
             list.streamed(newer);
             list.streamed(rec);"
        ))
        .await;
    w.row("dlv_newer").await;
    assert_eq!(w.listed().await, ["dlv_newer", shown.as_str()]);
}

/// A flood drawn as its newest hundred leaves the rest one "Older" away, even on a list that was
/// empty (nothing on it had to be pushed out for the cut to happen).
#[tokio::test]
async fn a_flood_cut_to_its_newest_rows_on_an_empty_list_can_page_to_the_rest() {
    let _one = one_browser().await;
    let w = World::new().await;
    // One batch of 120, as the stream hands a burst to the list.
    w.browser
        .eval(
            "const list = await import('/page/js/list.js');
             const base = Date.parse('2026-01-01T00:00:00Z');
             for (let i = 0; i < 120; i++) {
               list.streamed({ id: `dlv_flood${i}`, created_at: new Date(base + i).toISOString(),
                 source: 'trigger', status: 'delivered', target: 'http://127.0.0.1:9/hooks',
                 request: { method: 'POST', url: 'http://127.0.0.1:9/hooks' }, duration_ms: 1 });
             }",
        )
        .await;
    w.browser
        .until(
            "the flood's newest 100 drawn",
            "return document.querySelectorAll('#list-body tr').length === 100",
        )
        .await;
    assert_eq!(w.listed().await[0], "dlv_flood119");
    let older_disabled = w
        .browser
        .eval("return document.getElementById('older-button').disabled")
        .await;
    assert_eq!(
        older_disabled, false,
        "the 20 left out are not one Older away"
    );
}

#[tokio::test]
async fn older_and_newest_page_through_the_log_a_hundred_at_a_time() {
    let _one = one_browser().await;
    let w = World::new().await;
    let out = hookctl(w.dir.path())
        .args(["trigger", "ticket.created", "-n", "130", "-c", "8", "--to"])
        .arg(w.target.url("/many"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let newest = w.trigger("invoice.paid", &[]);
    w.row(&newest).await;
    w.browser.find("#newest-button").await; // present; disabled on the newest page
    // Live rows stack on top of the first page: back to one page of 100 first.
    w.browser
        .eval("document.getElementById('filter-form').requestSubmit()")
        .await;
    w.browser
        .until(
            "a first page of 100",
            "return document.querySelectorAll('#list-body tr').length === 100",
        )
        .await;
    let first = w.listed().await;
    assert_eq!(first[0], newest);
    w.browser.find("#older-button").await.click().await.unwrap();
    w.browser
        .until(
            "the second page: the 31 older ones",
            "return document.querySelectorAll('#list-body tr').length === 31",
        )
        .await;
    let second = w.listed().await;
    assert!(second.iter().all(|id| !first.contains(id)), "pages overlap");
    w.browser.text_contains("#list-status", "page 2").await;
    let older_disabled = w
        .browser
        .eval("return document.getElementById('older-button').disabled")
        .await;
    assert_eq!(older_disabled, true, "nothing older than the last page");
    w.browser
        .find("#newest-button")
        .await
        .click()
        .await
        .unwrap();
    w.browser
        .until(
            "back on the newest page",
            &format!("return document.querySelector('#list-body tr')?.dataset.id === '{newest}'"),
        )
        .await;
}

/// An empty "At most" would read as 0, which the API takes as every record: the dialog does not
/// send it, and the count given afterwards is the one that holds.
#[tokio::test]
async fn bulk_replay_with_at_most_cleared_sends_nothing_until_a_count_is_given() {
    let _one = one_browser().await;
    let w = World::new().await;
    w.trigger("stripe.charge.succeeded", &[]);
    let newest = w.trigger("stripe.charge.refunded", &[]);
    w.row(&newest).await;
    w.browser.find("#bulk-button").await.click().await.unwrap();
    w.browser
        .find("#bulk-to")
        .await
        .send_keys(&w.target.url("/bulk"))
        .await
        .unwrap();
    let limit = w.browser.find("#bulk-limit").await;
    limit.clear().await.unwrap();
    let submit = w.browser.find("#bulk-form button[type=submit]").await;
    submit.click().await.unwrap();
    let held = w
        .browser
        .eval(
            "return document.getElementById('bulk-dialog').open
                && document.getElementById('bulk-result').textContent === ''",
        )
        .await;
    assert_eq!(held, true, "an empty 'At most' was sent");
    limit.send_keys("1").await.unwrap();
    submit.click().await.unwrap();
    w.browser.text_contains("#bulk-result", "1 replay:").await;
    assert_eq!(w.target.next().target, "/bulk");
    assert!(w.target.drain().is_empty(), "more than the one asked for");
}

#[tokio::test]
async fn bulk_replay_sends_every_delivery_the_filter_matches_to_another_url() {
    let _one = one_browser().await;
    let w = World::new().await;
    let a = w.trigger("stripe.charge.succeeded", &[]);
    let b = w.trigger("stripe.charge.refunded", &[]);
    let other = w.trigger("github.push", &[]);
    w.row(&other).await;
    let filter = w.browser.find("#filter").await;
    filter.send_keys("event:'charge.*'").await.unwrap();
    filter.send_keys(&Key::Enter.to_string()).await.unwrap();
    w.browser
        .until(
            "the filter applied",
            "return document.querySelectorAll('#list-body tr').length === 2",
        )
        .await;
    w.browser.find("#bulk-button").await.click().await.unwrap();
    w.browser.text_contains("#bulk-filter", "charge.*").await;
    w.browser
        .find("#bulk-to")
        .await
        .send_keys(&w.target.url("/bulk"))
        .await
        .unwrap();
    let rate = w.browser.find("#bulk-rate").await;
    rate.clear().await.unwrap();
    rate.send_keys("20").await.unwrap();
    w.browser
        .find("#bulk-form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    let got = [w.target.next(), w.target.next()];
    assert!(got.iter().all(|r| r.target == "/bulk"), "{got:?}");
    // Byte-exact: the stored bodies, oldest first.
    let stored = |id: &str| {
        let out = hookctl(w.dir.path())
            .args(["logs", "show", id, "--json"])
            .output()
            .unwrap();
        common::stdout_json(&out)["request"]["body"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(got[0].body, stored(&a).as_bytes());
    assert_eq!(got[1].body, stored(&b).as_bytes());
    assert!(
        w.target.drain().is_empty(),
        "the push was not in the filter"
    );
    let result = w.browser.text_contains("#bulk-result", "2 replays").await;
    assert!(result.contains("2 delivered"), "{result}");
}

#[tokio::test]
async fn the_page_follows_a_dark_colour_scheme_with_light_text_on_dark() {
    let _one = one_browser().await;
    let w = World::with_flags(&[
        "--force-dark-mode",
        "--blink-settings=preferredColorScheme=0",
    ])
    .await;
    let id = w.trigger("stripe.invoice.paid", &[]);
    w.open(&id).await;
    // Relative luminance (WCAG) of the page's background and text, and their contrast ratio.
    let ratio = w
        .browser
        .eval(
            "const lum = (c) => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
             const s = getComputedStyle(document.body); const bg = lum(s.backgroundColor), fg = lum(s.color);
             return { bg, fg, ratio: (fg + 0.05) / (bg + 0.05) };",
        )
        .await;
    assert!(
        ratio["bg"].as_f64().unwrap() < 0.05,
        "a dark background: {ratio}"
    );
    assert!(
        ratio["ratio"].as_f64().unwrap() > 7.0,
        "text readable on it (WCAG AAA): {ratio}"
    );
    w.browser.screenshot("console-dark").await;
}

#[tokio::test]
async fn bodies_show_by_type_form_fields_xml_and_a_hex_dump_for_binary() {
    let _one = one_browser().await;
    let w = World::new().await;
    let form = w.trigger("twilio.message.received", &[]);
    let xml_file = w.dir.path().join("order.xml");
    std::fs::write(&xml_file, r#"<?xml version="1.0"?><order id="7"><item sku="A1">Tee</item><total>12.50</total></order>"#).unwrap();
    let xml = w.trigger(
        "stripe.charge.succeeded",
        &[
            "--data",
            xml_file.to_str().unwrap(),
            "-H",
            "Content-Type: application/xml",
        ],
    );
    let bin_file = w.dir.path().join("blob.bin");
    std::fs::write(&bin_file, [0u8, 159, 146, 150, 255, b'h', b'i', 10]).unwrap();
    let bin = w.trigger(
        "stripe.charge.succeeded",
        &[
            "--data",
            bin_file.to_str().unwrap(),
            "-H",
            "Content-Type: application/octet-stream",
        ],
    );

    w.open(&form).await;
    w.browser
        .text_contains("#detail .body-meta", "form fields")
        .await;
    w.browser
        .text_contains("#detail .bodyview table.kv", "MessageSid")
        .await;

    w.open(&xml).await;
    w.browser.text_contains("#detail .body-meta", "XML").await;
    let pretty = w
        .browser
        .text_contains("#detail .bodyview pre.body", "<order")
        .await;
    assert!(
        pretty.contains("\n  <item sku=\"A1\">Tee</item>"),
        "indented: {pretty}"
    );

    w.open(&bin).await;
    w.browser
        .text_contains("#detail .body-meta", "binary")
        .await;
    let hex = w.browser.text_contains("#detail pre.hex", "00000000").await;
    assert!(hex.contains("00 9f 92 96 ff 68 69 0a"), "{hex}");
    assert!(hex.contains("|.....hi.|"), "{hex}");
}

#[tokio::test]
async fn the_detail_lists_every_attempt_of_a_retried_delivery() {
    let _one = one_browser().await;
    let w = World::new().await;
    w.target.respond_with(&[(503, &[])]);
    let out = hookctl(w.dir.path())
        .args([
            "trigger",
            "stripe.invoice.paid",
            "--retries",
            "1",
            "--backoff",
            "10ms",
            "--json",
            "--to",
        ])
        .arg(w.target.url("/flaky"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = common::stdout_json(&out)["id"]
        .as_str()
        .unwrap()
        .to_string();
    w.open(&last).await;
    let attempts = w.browser.text_contains("#detail", "Attempts (2)").await;
    assert!(
        attempts.contains("failed 503") && attempts.contains("delivered 200"),
        "{attempts}"
    );
}

#[tokio::test]
async fn a_flood_of_deliveries_keeps_the_list_capped_with_the_newest_on_top() {
    let _one = one_browser().await;
    let w = World::new().await;
    let mut flood = std::process::Command::new(assert_cmd::cargo::cargo_bin("hookctl"))
        .args(["trigger", "ticket.created", "-n", "700", "-c", "16", "--to"])
        .arg(w.target.url("/flood"))
        .env("HOOKCTL_CONFIG", w.dir.path().join("config.toml"))
        .env("HOOKCTL_DB", w.dir.path().join("deliveries.db"))
        .env("CI", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Sampled while it runs: the page never holds more rows than its cap.
    let mut most = 0;
    let status = loop {
        let rows = w
            .browser
            .eval("return document.querySelectorAll('#list-body tr').length")
            .await;
        most = most.max(rows.as_u64().unwrap());
        if let Some(status) = flood.try_wait().unwrap() {
            break status;
        }
    };
    assert!(status.success());
    let out = hookctl(w.dir.path())
        .args(["logs", "--limit", "1", "--json"])
        .output()
        .unwrap();
    let newest = common::stdout_json(&out)["id"]
        .as_str()
        .unwrap()
        .to_string();
    w.browser
        .until(
            "the newest delivery on top once the flood is drawn",
            &format!("return document.querySelector('#list-body tr')?.dataset.id === '{newest}'"),
        )
        .await;
    let rows = w
        .browser
        .eval("return document.querySelectorAll('#list-body tr').length")
        .await;
    most = most.max(rows.as_u64().unwrap());
    assert!(most <= 500, "{most} rows on the page");
    let heard = w
        .browser
        .eval("return window.hookctlConsole.stats().streamed")
        .await;
    assert_eq!(heard, 700, "every record reached the page");
}
