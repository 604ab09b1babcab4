//! The files in deploy/, checked by the tools that will run them: the systemd unit by
//! `systemd-analyze`, nginx's and Caddy's configurations by running them for real in front of a
//! relay, with a webhook sent through them to a running `hookctl listen`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin;
use common::{Receiver, hookctl};
use tokio_util::sync::CancellationToken;

fn deploy(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("deploy")
        .join(file)
}

/// Runs `tool`, or fails saying how to get it: a test never skips for want of a tool.
fn run(tool: &str, package: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run {tool} ({e}): install Debian's {package} (scripts/install-test-deps does)"
        )
    })
}

/// A free port on loopback for a server that must be told its port (nginx, Caddy).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until something accepts connections on `port`.
fn wait_port(port: u16, server: &mut Child, log: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.try_wait() {
            panic!(
                "the server exited {status}: {}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        assert!(Instant::now() < deadline, "nothing listens on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A server process stopped with SIGTERM (its workers go with it) when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

#[test]
fn the_systemd_unit_passes_systemd_analyze_verify_and_its_security_review() {
    let unit = std::fs::read_to_string(deploy("hookctl-relay.service")).unwrap();
    for line in [
        "DynamicUser=yes",
        "StateDirectory=hookctl-relay",
        "AmbientCapabilities=CAP_NET_BIND_SERVICE",
        "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "LoadCredential=tokens:/etc/hookctl-relay/tokens",
    ] {
        assert!(unit.lines().any(|l| l == line), "the unit lacks {line}");
    }
    // verify checks that ExecStart's binary exists and is executable: an executable stands in
    // at its own path, the only change to the file.
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("hookctl-relay");
    std::fs::write(&binary, "#!/bin/sh\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(
        unit.matches("ExecStart=/usr/local/bin/hookctl-relay")
            .count(),
        1,
        "{unit}"
    );
    let copy = dir.path().join("hookctl-relay.service");
    std::fs::write(
        &copy,
        unit.replace(
            "ExecStart=/usr/local/bin/hookctl-relay",
            &format!("ExecStart={}", binary.display()),
        ),
    )
    .unwrap();
    let copy = copy.to_str().unwrap();
    let out = run("systemd-analyze", "systemd", &["verify", copy]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "systemd-analyze verify: {said}");
    assert!(
        said.trim().is_empty(),
        "systemd-analyze verify warns: {said}"
    );
    // systemd's own review of the hardening: exposure at most 2.0 of 10 ("OK"; 1.5 today).
    let out = run(
        "systemd-analyze",
        "systemd",
        &["security", "--offline=true", "--threshold=20", copy],
    );
    assert!(
        out.status.success(),
        "exposure above 2.0:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A relay in-process whose public URL is the proxy's; `hookctl listen` connected to it through
/// the proxy at `proxy_port`; and `trigger` (no --to) sent through the proxy to listen's target.
fn webhook_through(proxy_port: u16) {
    let dir = tempfile::tempdir().unwrap();
    let target = Receiver::start();
    let proxy = format!("http://127.0.0.1:{proxy_port}");
    let mut listen = Command::new(cargo_bin("hookctl"))
        .args(["listen", "--port", "0", "--relay", &proxy, "--forward-to"])
        .arg(target.url("/hooks"))
        .env("HOOKCTL_CONFIG", dir.path().join("config.toml"))
        .env("HOOKCTL_DB", dir.path().join("deliveries.db"))
        .env_remove("HOOKCTL_RELAY_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(listen.stderr.take().unwrap()).lines();
    let ready = loop {
        let line = lines.next().expect("listen stopped before Ready:").unwrap();
        if let Some(rest) = line.strip_prefix("Ready: ") {
            break rest.split(" -> ").next().unwrap().to_string();
        }
    };
    let listen = Server(listen);
    assert!(
        ready.starts_with(&format!("{proxy}/t/")),
        "the tunnel's URL is the proxy's: {ready}"
    );
    let out = hookctl(dir.path())
        .args(["trigger", "github.push", "--retries", "0"])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let got = target.next();
    assert_eq!(got.target, "/hooks");
    assert_eq!(got.header("x-github-event"), Some("push"));
    // The proxy's forwarded headers, kept by the relay, which appends the proxy to -For.
    assert_eq!(
        got.header("x-forwarded-host"),
        Some(format!("127.0.0.1:{proxy_port}").as_str())
    );
    assert_eq!(got.header("x-forwarded-proto"), Some("http"));
    assert_eq!(got.header("x-forwarded-for"), Some("127.0.0.1, 127.0.0.1"));
    drop(listen);
}

/// A relay on a free port, serving senders at the proxy's URL.
fn relay_behind(rt: &tokio::runtime::Runtime, proxy_port: u16) -> (u16, CancellationToken) {
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let port = listener.local_addr().unwrap().port();
    let public = format!("http://127.0.0.1:{proxy_port}");
    let opts = hookctl_relay::server::options::RelayOptions::from_flags(&["--public-url", &public])
        .unwrap();
    let stop = CancellationToken::new();
    rt.spawn(hookctl_relay::server::serve(listener, opts, stop.clone()));
    (port, stop)
}

/// nginx's config for a test: the deployed locations file, verbatim, behind the deployed
/// file's map and upstream (taken from it) pointed at the test's relay.
fn nginx_conf(dir: &Path, port: u16, relay_port: u16) -> String {
    let site = std::fs::read_to_string(deploy("nginx/hookctl-relay.conf")).unwrap();
    let start = site.find("map $http_upgrade").unwrap();
    let end = site[start..].find("server {").unwrap() + start;
    let head = site[start..end].replace("127.0.0.1:8787", &format!("127.0.0.1:{relay_port}"));
    let d = dir.display();
    format!(
        "daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n{head}\n  server {{\n    listen 127.0.0.1:{port};\n    include {};\n  }}\n}}\n",
        deploy("nginx/hookctl-relay-locations.conf").display()
    )
}

/// A temp folder nginx's workers (another user when the tests run as root) may use.
fn open_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    dir
}

#[test]
fn nginx_in_front_of_the_relay_carries_the_tunnel_and_a_webhook_with_forwarded_headers() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = open_dir();
    let port = free_port();
    let (relay_port, stop) = relay_behind(&rt, port);
    let conf = dir.path().join("nginx.conf");
    std::fs::write(&conf, nginx_conf(dir.path(), port, relay_port)).unwrap();
    let log = dir.path().join("error.log");
    let child = Command::new("nginx")
        .args(["-p", dir.path().to_str().unwrap(), "-c"])
        .arg(&conf)
        .args(["-e", log.to_str().unwrap()])
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run nginx ({e}): install Debian's nginx (scripts/install-test-deps does)"
            )
        });
    let mut nginx = Server(child);
    wait_port(port, &mut nginx.0, &log);
    webhook_through(port);
    // A plain request too, and nginx hands the relay's own answers back (404: no such tunnel).
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(
        b"GET /t/nobody/x HTTP/1.1\r\nHost: hooks.example.com\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
    drop(nginx);
    stop.cancel();
}

#[test]
fn nginx_redirects_plain_http_to_the_relays_own_name_whatever_host_the_request_names() {
    let dir = open_dir();
    let port = free_port();
    // The deployed port-80 server, verbatim but for its address.
    let site = std::fs::read_to_string(deploy("nginx/hookctl-relay.conf")).unwrap();
    let start = site.find("server {\n    listen 80;").unwrap();
    let end = site[start..].find("\n}\n").unwrap() + start + 3;
    let server = site[start..end].replace(
        "listen 80;\n    listen [::]:80;",
        &format!("listen 127.0.0.1:{port};"),
    );
    assert!(!server.contains(":80;"), "{server}");
    let d = dir.path().display();
    let conf = dir.path().join("nginx.conf");
    std::fs::write(
        &conf,
        format!(
            "daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n{server}}}\n"
        ),
    )
    .unwrap();
    let log = dir.path().join("error.log");
    let child = Command::new("nginx")
        .args(["-p", dir.path().to_str().unwrap(), "-c"])
        .arg(&conf)
        .args(["-e", log.to_str().unwrap()])
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run nginx ({e}): install Debian's nginx (scripts/install-test-deps does)"
            )
        });
    let mut nginx = Server(child);
    wait_port(port, &mut nginx.0, &log);
    for host in ["hooks.example.com", "evil.example"] {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "POST /t/demo/hook?x=1 HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 308"), "{host}: {answer}");
        assert!(
            answer
                .to_ascii_lowercase()
                .contains("\r\nlocation: https://hooks.example.com/t/demo/hook?x=1\r\n"),
            "{host}: {answer}"
        );
    }
    drop(nginx);
}

#[test]
fn nginx_accepts_the_whole_site_file_with_its_tls_server() {
    let dir = open_dir();
    let cert = rcgen::generate_simple_self_signed(vec![
        "hooks.example.com".into(),
        "*.hooks.example.com".into(),
    ])
    .unwrap();
    let (crt, key) = (
        dir.path().join("fullchain.pem"),
        dir.path().join("privkey.pem"),
    );
    std::fs::write(&crt, cert.cert.pem()).unwrap();
    std::fs::write(&key, cert.signing_key.serialize_pem()).unwrap();
    // Only the certificate's paths change: nginx -t loads them.
    let site = std::fs::read_to_string(deploy("nginx/hookctl-relay.conf"))
        .unwrap()
        .replace(
            "/etc/letsencrypt/live/hooks.example.com/fullchain.pem",
            crt.to_str().unwrap(),
        )
        .replace(
            "/etc/letsencrypt/live/hooks.example.com/privkey.pem",
            key.to_str().unwrap(),
        );
    // `include snippets/…` is relative to the folder of nginx.conf, as in /etc/nginx.
    std::fs::create_dir(dir.path().join("snippets")).unwrap();
    std::fs::copy(
        deploy("nginx/hookctl-relay-locations.conf"),
        dir.path().join("snippets/hookctl-relay-locations.conf"),
    )
    .unwrap();
    std::fs::write(dir.path().join("site.conf"), site).unwrap();
    let d = dir.path().display();
    let conf = dir.path().join("nginx.conf");
    std::fs::write(
        &conf,
        format!("pid {d}/nginx.pid;\nevents {{}}\nhttp {{\n  include {d}/site.conf;\n}}\n"),
    )
    .unwrap();
    let out = run(
        "nginx",
        "nginx",
        &[
            "-t",
            "-p",
            dir.path().to_str().unwrap(),
            "-c",
            conf.to_str().unwrap(),
            "-e",
            &format!("{d}/error.log"),
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "nginx -t: {said}");
    assert!(said.contains("test is successful"), "{said}");
}

#[test]
fn caddy_in_front_of_the_relay_carries_the_tunnel_and_a_webhook_with_forwarded_headers() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_str().unwrap();
    // The file as shipped, with its default site: Caddy accepts it.
    let out = Command::new("caddy")
        .args(["validate", "--adapter", "caddyfile", "--config"])
        .arg(deploy("Caddyfile"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run caddy ({e}): install Debian's caddy (scripts/install-test-deps does)"
            )
        });
    assert!(
        out.status.success(),
        "caddy validate: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The same file, run: its site and upstream are placeholders with defaults.
    let port = free_port();
    let (relay_port, stop) = relay_behind(&rt, port);
    let log = dir.path().join("caddy.log");
    let child = Command::new("caddy")
        .args(["run", "--adapter", "caddyfile", "--config"])
        .arg(deploy("Caddyfile"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("HOOKCTL_CADDY_ADMIN", "off")
        .env("HOOKCTL_RELAY_SITE", format!("http://127.0.0.1:{port}"))
        .env("HOOKCTL_RELAY_UPSTREAM", format!("127.0.0.1:{relay_port}"))
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut caddy = Server(child);
    wait_port(port, &mut caddy.0, &log);
    webhook_through(port);
    drop(caddy);
    stop.cancel();
}
