//! A real browser and a real console for the page's tests and its bench: Debian's headless
//! Chromium driven through chromedriver (WebDriver), and `hookctl inspect` on a free port.

#![allow(dead_code)]

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// How long anything the page does may take before a test gives up: generous, because the
/// machine running the tests may be busy with other builds.
pub const PATIENCE: Duration = Duration::from_secs(30);

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A child process killed when dropped, so a failing test leaves nothing running.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Headless Chromium behind its own chromedriver, with a profile in a temp dir.
pub struct Browser {
    pub client: Client,
    driver: Running,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    /// Chromedriver quits Chromium only when its session is closed, which a test that panics
    /// never does, and killing chromedriver leaves Chromium running: so both live in a process
    /// group of their own, and the whole group goes.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.driver.0.id())])
            .stderr(Stdio::null())
            .status();
    }
}

impl Browser {
    /// With more Chromium flags (the bench asks for precise heap figures).
    pub async fn start_with(extra: &[&str]) -> Browser {
        for (tool, package) in [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")] {
            assert!(
                Path::new(tool).exists(),
                "{tool} is missing: install Debian's {package} (scripts/install-test-deps does)"
            );
        }
        let profile = tempfile::tempdir().unwrap();
        let port = free_port();
        let driver = Running(
            Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .process_group(0)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver does not start"),
        );
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1400,900",
        ]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        // Without the background-networking flags this sandbox refuses Chromium's connections;
        // the window size makes every screenshot the same shape.
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": args,
            },
        });
        let caps = match caps {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + PATIENCE;
        // chromedriver takes a moment to listen: retry the session until it answers.
        let client = loop {
            let conn = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(conn)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    panic!("no WebDriver session from chromedriver on {url}: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// The element `css` matches, once it is there.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element '{css}' on the page within {PATIENCE:?}: {e}"))
    }

    /// A script's value (its `return`), run in the page.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `script` until it returns something truthy, and returns that.
    pub async fn until(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let v = self.eval(script).await;
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if truthy {
                return v;
            }
            if Instant::now() > deadline {
                let notice = self
                    .eval("return document.getElementById('notice')?.textContent || ''")
                    .await;
                panic!("{what}: not within {PATIENCE:?} (page notice: {notice})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the text of `css` contains `needle`, and returns the whole text.
    pub async fn text_contains(&self, css: &str, needle: &str) -> String {
        let script = format!(
            "const e = document.querySelector({}); const t = e ? e.textContent : ''; return t.includes({}) ? t : null;",
            json!(css),
            json!(needle)
        );
        self.until(&format!("'{css}' showing '{needle}'"), &script)
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A PNG of the window into `target/console-screenshots/NAME.png` (scripts/update-screenshots
    /// copies them into docs/ for the README).
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/console-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }
}

/// `hookctl inspect` on a free loopback port, for the log and config of `cmd`'s environment.
pub struct Console {
    pub url: String,
    _child: Running,
}

impl Console {
    /// Starts `hookctl` (the `program` given: the test build or a release one) as `inspect`
    /// with `envs`, and waits for the URL in its ready file.
    pub fn start(program: &Path, dir: &Path, envs: &[(&str, &Path)]) -> Console {
        let ready = dir.join("console.url");
        let mut cmd = Command::new(program);
        cmd.args([
            "inspect",
            "--no-open",
            "--listen",
            "127.0.0.1:0",
            "--ready-file",
        ])
        .arg(&ready)
        .env_remove("HOOKCTL_SECRET")
        .env("CI", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let mut child = Running(cmd.spawn().expect("hookctl inspect does not start"));
        let deadline = Instant::now() + PATIENCE;
        let url = loop {
            if let Ok(s) = std::fs::read_to_string(&ready)
                && s.ends_with('\n')
            {
                break s.trim().to_string();
            }
            if let Ok(Some(status)) = child.0.try_wait() {
                panic!("hookctl inspect exited with {status} before it was ready");
            }
            assert!(
                Instant::now() < deadline,
                "hookctl inspect wrote no URL to {} within {PATIENCE:?}",
                ready.display()
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        Console { url, _child: child }
    }
}
