//! Automatic HTTPS (ACME, RFC 8555) for `--domain`: the domain's certificate is obtained at
//! start, a tunnel subdomain's at its first handshake (only for a name that exists, and no
//! more than the CA's limits allow); each is kept in the data dir, renewed in the background
//! two thirds into its life, and swapped in for new handshakes while open connections go on.

pub mod account;
pub mod challenge;
pub mod limit;
pub mod order;
pub mod problem;
pub mod storage;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use instant_acme::Account;
use rustls::ServerConfig;
use tokio::sync::watch;

use crate::server::acme::challenge::Challenges;
use crate::server::acme::order::Method;
use crate::server::acme::storage::Storage;
use crate::server::error::RelayError;
use crate::server::host::subdomain_tunnel;
use crate::server::options::{LETS_ENCRYPT, RelayOptions};
use crate::server::state::State;
use crate::server::tls::hello::Hello;
use crate::server::tls::served::Served;

/// How long a handshake waits for a certificate being obtained (a subdomain's first, or the
/// domain's at start): Let's Encrypt usually takes seconds.
const HANDSHAKE_WAIT: Duration = Duration::from_secs(60);

/// New subdomain certificates per hour at most. Let's Encrypt issues 50 certificates per
/// registered domain a week; a burst of made-up-but-existing names must not use them all.
const ON_DEMAND_PER_HOUR: usize = 10;

/// Waits after a failed order: 10 s doubling to an hour, so a fixed DNS record or opened port
/// is noticed soon and a persistent fault does not spend the CA's failed-validation limit.
fn retry_wait(failures: u32) -> Duration {
    Duration::from_secs(10)
        .saturating_mul(1u32 << failures.min(9))
        .min(Duration::from_secs(3600))
}

type Slot = watch::Sender<Option<Arc<Served>>>;

pub struct Acme {
    pub domain: String,
    directory: String,
    opts: RelayOptions,
    storage: Storage,
    account: tokio::sync::Mutex<Option<Account>>,
    pub challenges: Challenges,
    /// One per name being served or obtained: handshakes wait on it, its task renews it.
    slots: Mutex<HashMap<String, Slot>>,
    on_demand: limit::PerHour,
    /// Why the domain's certificate could not be had, for `/healthz`.
    last_error: Mutex<Option<String>>,
}

impl Acme {
    /// Opens the account (registering it the first time: a CA that cannot be reached then is an
    /// error at start) and loads the certificates kept in the data dir.
    pub async fn start(opts: &RelayOptions) -> Result<Arc<Acme>, RelayError> {
        let domain = opts.domain.clone().unwrap_or_default();
        let data_dir = opts.acme_data_dir().map_err(RelayError::Usage)?;
        let directory = opts
            .acme_directory
            .clone()
            .unwrap_or_else(|| LETS_ENCRYPT.to_string());
        let storage = Storage::open(data_dir, &directory).map_err(RelayError::Usage)?;
        let registered = storage.account().is_some();
        let account = match account::open(opts, &directory, &storage).await {
            Ok(a) => Some(a),
            // A relay that has an account and, likely, certificates starts while the CA is down.
            Err(RelayError::Runtime(e)) if registered => {
                tracing::warn!("{e}; retrying in the background");
                None
            }
            Err(e) => return Err(e),
        };
        let acme = Acme {
            domain: domain.clone(),
            directory,
            opts: opts.clone(),
            storage,
            account: tokio::sync::Mutex::new(account),
            challenges: Challenges::default(),
            slots: Mutex::default(),
            on_demand: limit::PerHour::new(ON_DEMAND_PER_HOUR),
            last_error: Mutex::default(),
        };
        // Certificates kept for another --domain than today's are left alone.
        let mut names: Vec<String> = acme
            .storage
            .names()
            .into_iter()
            .filter(|n| *n != domain && subdomain_tunnel(&domain, n).is_some())
            .collect();
        names.push(domain);
        for name in names {
            let stored = acme.storage.cert(&name).and_then(|(chain, key)| {
                Served::from_pem(&chain, &key)
                    .map_err(|e| tracing::warn!(name, "the stored certificate is unusable: {e}"))
                    .ok()
            });
            lock(&acme.slots).insert(name, watch::Sender::new(stored.map(Arc::new)));
        }
        Ok(Arc::new(acme))
    }

    /// Starts keeping every known name's certificate current.
    pub fn spawn(self: &Arc<Self>, state: &Arc<State>) {
        let names: Vec<String> = lock(&self.slots).keys().cloned().collect();
        for name in names {
            tokio::spawn(self.clone().keep(name, false, state.clone()));
        }
    }

    /// The certificate for the name the client asked, if the relay may serve one; `None`
    /// closes the connection.
    pub async fn config_for(
        self: &Arc<Self>,
        hello: &Hello,
        state: &Arc<State>,
    ) -> Option<Arc<ServerConfig>> {
        if hello.acme_challenge {
            return self.challenges.tls_alpn(hello.name.as_deref()?);
        }
        // A client that sends no name (one dialling the address) gets the domain's certificate.
        let name = hello.name.clone().unwrap_or_else(|| self.domain.clone());
        let known = lock(&self.slots).get(&name).map(|s| s.subscribe());
        if let Some(rx) = known {
            // While the last attempt failed, the next is a retry away: no use waiting for it.
            if rx.borrow().is_none() && name == self.domain && lock(&self.last_error).is_some() {
                return None;
            }
            return wait(rx).await;
        }
        let tunnel = subdomain_tunnel(&self.domain, &name)?;
        if !exists(tunnel, state).await {
            tracing::debug!(
                name,
                "no certificate for a subdomain whose tunnel does not exist"
            );
            return None;
        }
        let rx = {
            let mut slots = lock(&self.slots);
            match slots.get(&name) {
                Some(s) => s.subscribe(),
                None => {
                    if !self.on_demand.take(Instant::now()) {
                        tracing::warn!(
                            name,
                            "no certificate: {ON_DEMAND_PER_HOUR} subdomain certificates were already ordered this hour"
                        );
                        return None;
                    }
                    let slot = watch::Sender::new(None);
                    let rx = slot.subscribe();
                    slots.insert(name.clone(), slot);
                    tokio::spawn(self.clone().keep(name, true, state.clone()));
                    rx
                }
            }
        };
        wait(rx).await
    }

    /// The domain's certificate now, and why there is none if so (for `/healthz`).
    pub fn main(&self) -> Result<Arc<Served>, String> {
        let current = lock(&self.slots)
            .get(&self.domain)
            .and_then(|s| s.borrow().clone());
        current.ok_or_else(|| {
            lock(&self.last_error)
                .clone()
                .unwrap_or_else(|| "being obtained".into())
        })
    }

    /// Obtains and renews `name`'s certificate until the relay stops. A subdomain's first
    /// attempt that fails gives the name up (its slot goes, so the waiting handshake fails and
    /// a later one may try again, within the hourly limit).
    async fn keep(self: Arc<Self>, name: String, on_demand: bool, state: Arc<State>) {
        let slot = lock(&self.slots).get(&name).map(|s| s.subscribe());
        let Some(slot) = slot else {
            return;
        };
        let mut failures = 0u32;
        loop {
            let current = slot.borrow().clone();
            if let Some(c) = &current {
                state.metrics.certificate(&name, c.expires_unix());
                let due = c.renew_at();
                let wait = due
                    .duration_since(SystemTime::now())
                    .unwrap_or(Duration::ZERO);
                if !wait.is_zero() {
                    tokio::select! {
                        _ = state.sessions.cancelled() => return,
                        _ = tokio::time::sleep(wait) => {}
                    }
                }
            }
            let method = self.method(failures, on_demand && current.is_none());
            let outcome = tokio::select! {
                _ = state.sessions.cancelled() => return,
                o = self.issue(&name, method, &state) => o,
            };
            match outcome {
                Ok(served) => {
                    tracing::info!(
                        name,
                        serial = %served.serial,
                        challenge = method.as_str(),
                        expires = %humantime::format_rfc3339_seconds(served.not_after),
                        "{} a certificate",
                        if current.is_some() { "renewed" } else { "obtained" }
                    );
                    state.metrics.certificate(&name, served.expires_unix());
                    if name == self.domain {
                        *lock(&self.last_error) = None;
                    }
                    if let Some(s) = lock(&self.slots).get(&name) {
                        s.send_replace(Some(Arc::new(served)));
                    }
                    failures = 0;
                }
                Err(e) => {
                    let wait = retry_wait(failures);
                    failures = failures.saturating_add(1);
                    if on_demand && current.is_none() {
                        tracing::warn!(name, "no certificate for this subdomain: {e}");
                        lock(&self.slots).remove(&name);
                        return;
                    }
                    tracing::warn!(
                        name,
                        "no certificate: {e}; retrying in {}",
                        humantime::format_duration(wait)
                    );
                    if name == self.domain {
                        *lock(&self.last_error) = Some(e);
                    }
                    tokio::select! {
                        _ = state.sessions.cancelled() => return,
                        _ = tokio::time::sleep(wait) => {}
                    }
                }
            }
        }
    }

    /// HTTP-01 when `--http-listen` is given (port 80 is the port most often open), switching
    /// to TLS-ALPN-01 on every other retry in case only 443 is reachable. A subdomain's first
    /// certificate has one attempt, no retry to fall back on: TLS-ALPN-01, since the handshake
    /// waiting for it came in on the HTTPS port.
    fn method(&self, failures: u32, first_on_demand: bool) -> Method {
        match (
            self.opts.http_listen.is_some() && !first_on_demand,
            failures % 2,
        ) {
            (true, 0) => Method::Http,
            _ => Method::TlsAlpn,
        }
    }

    async fn issue(&self, name: &str, method: Method, state: &State) -> Result<Served, String> {
        let account = {
            let mut held = self.account.lock().await;
            if held.is_none() {
                *held = Some(
                    account::open(&self.opts, &self.directory, &self.storage)
                        .await
                        .map_err(|e| e.to_string())?,
                );
            }
            held.clone().expect("set above")
        };
        state.metrics.acme_orders.inc();
        let issued = order::obtain(&account, &self.challenges, name, method).await?;
        let served = Served::from_pem(issued.chain.as_bytes(), issued.key.as_bytes())
            .map_err(|e| format!("the CA's certificate cannot be used: {e}"))?;
        // Served even so: ordering it again would spend the CA's duplicate-certificate limit
        // (Let's Encrypt: 5 a week) on a disk fault.
        if let Err(e) = self
            .storage
            .save_cert(name, issued.chain.as_bytes(), issued.key.as_bytes())
        {
            tracing::warn!(
                name,
                "the new certificate is served but cannot be kept ({e}): it will be ordered again after a restart"
            );
        }
        Ok(served)
    }
}

/// Waits for the slot to hold a certificate; `None` if it is given up or takes too long.
async fn wait(mut rx: watch::Receiver<Option<Arc<Served>>>) -> Option<Arc<ServerConfig>> {
    let got = tokio::time::timeout(HANDSHAKE_WAIT, rx.wait_for(Option::is_some))
        .await
        .ok()?
        .ok()?;
    got.as_ref().map(|s| s.config.clone())
}

/// Whether tunnel `name` exists: connected now, or known to the store (reserved for a token,
/// held before, or holding buffered requests).
async fn exists(name: &str, state: &State) -> bool {
    if state.registry.get(name).is_some() {
        return true;
    }
    let name = name.to_string();
    state.db(move |s| s.known(&name)).await.unwrap_or(false)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
