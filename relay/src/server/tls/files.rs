//! HTTPS with the operator's own certificate: `--tls-cert` and `--tls-key` (PEM), read again
//! when either file changes, so a renewal by certbot or a secrets manager needs no restart.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use tokio_util::sync::CancellationToken;

use crate::server::state::State;
use crate::server::tls::served::Served;

/// How often the files' modification times are checked: a stat of two files, cheap enough to
/// do often, and a replaced certificate is served within seconds.
const CHECK_EVERY: Duration = Duration::from_secs(2);

pub struct Files {
    cert: PathBuf,
    key: PathBuf,
    current: RwLock<Arc<Served>>,
}

/// Reads the certificate chain and key; every failure names the file and what to fix (exit 2).
pub fn load(cert: &Path, key: &Path) -> Result<Served, String> {
    let chain = std::fs::read(cert)
        .map_err(|e| format!("cannot read --tls-cert {}: {e}", cert.display()))?;
    let key_pem =
        std::fs::read(key).map_err(|e| format!("cannot read --tls-key {}: {e}", key.display()))?;
    Served::from_pem(&chain, &key_pem).map_err(|e| {
        format!(
            "--tls-cert {} / --tls-key {}: {e}",
            cert.display(),
            key.display()
        )
    })
}

impl Files {
    pub fn open(cert: &Path, key: &Path) -> Result<Files, String> {
        Ok(Files {
            current: RwLock::new(Arc::new(load(cert, key)?)),
            cert: cert.to_path_buf(),
            key: key.to_path_buf(),
        })
    }

    pub fn current(&self) -> Arc<Served> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn modified(&self) -> Option<(SystemTime, SystemTime)> {
        let m = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        Some((m(&self.cert)?, m(&self.key)?))
    }

    /// Serves the new pair once both files read as a usable pair; a half-written or mismatched
    /// pair (the certificate replaced before its key) keeps the old one until the next change.
    pub async fn watch(self: Arc<Self>, state: Arc<State>, stop: CancellationToken) {
        let mut seen = self.modified();
        // Labelled as ACME's are, by the relay's name where it has one.
        let label = state
            .opts
            .domain
            .clone()
            .unwrap_or_else(|| "tls-cert".into());
        state
            .metrics
            .certificate(&label, self.current().expires_unix());
        loop {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = tokio::time::sleep(CHECK_EVERY) => {}
            }
            let now = self.modified();
            if now == seen {
                continue;
            }
            let (cert, key) = (self.cert.clone(), self.key.clone());
            match tokio::task::spawn_blocking(move || load(&cert, &key)).await {
                Ok(Ok(served)) => {
                    tracing::info!(
                        serial = %served.serial,
                        "--tls-cert changed: serving the new certificate to new connections"
                    );
                    state.metrics.certificate(&label, served.expires_unix());
                    *self.current.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(served);
                    seen = now;
                }
                Ok(Err(e)) => {
                    tracing::warn!("{e}; still serving the previous certificate");
                    seen = now;
                }
                Err(_) => {}
            }
        }
    }
}
