//! The relay's ACME account: read from the data dir, or registered once with the CA (the one
//! ACME request made before the relay serves, so a wrong or unreachable `--acme-directory`
//! shows at start), over an HTTPS client trusting the system's roots plus `--acme-ca-cert`.

use bytes::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use instant_acme::{Account, AccountCredentials, BodyWrapper, NewAccount};

use crate::server::acme::problem::explain;
use crate::server::acme::storage::Storage;
use crate::server::error::RelayError;
use crate::server::options::RelayOptions;

fn http_client(opts: &RelayOptions) -> Result<Box<dyn instant_acme::HttpClient>, RelayError> {
    let extra = match &opts.acme_ca_cert {
        Some(p) => {
            crate::shared::trust::read_certs(p, "--acme-ca-cert").map_err(RelayError::Usage)?
        }
        None => Vec::new(),
    };
    let tls = crate::shared::trust::client_config(&extra).map_err(RelayError::Runtime)?;
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_only()
        .enable_http1()
        .enable_http2()
        .build();
    let client: Client<_, BodyWrapper<Bytes>> = Client::builder(TokioExecutor::new()).build(https);
    Ok(Box::new(client))
}

/// The stored account for this directory, or a new one registered and stored (0600).
pub async fn open(
    opts: &RelayOptions,
    directory: &str,
    storage: &Storage,
) -> Result<Account, RelayError> {
    let http = http_client(opts)?;
    let unreachable = |e: instant_acme::Error| {
        RelayError::Runtime(format!(
            "cannot use the ACME directory {directory}: {} (check --acme-directory, and --acme-ca-cert for a private CA)",
            explain(&e, opts.domain.as_deref().unwrap_or_default())
        ))
    };
    if let Some(json) = storage.account() {
        let creds: AccountCredentials = serde_json::from_slice(&json).map_err(|e| {
            RelayError::Usage(format!(
                "the stored ACME account in --data-dir cannot be read ({e}): move the data dir's acme folder away to register afresh"
            ))
        })?;
        return Account::builder_with_http(http)
            .from_credentials(creds)
            .await
            .map_err(unreachable);
    }
    let contact = opts.acme_email.as_ref().map(|e| format!("mailto:{e}"));
    let contacts: Vec<&str> = contact.iter().map(String::as_str).collect();
    let (account, creds) = Account::builder_with_http(http)
        .create(
            &NewAccount {
                contact: &contacts,
                terms_of_service_agreed: true,
                only_return_existing: false,
            },
            directory.to_string(),
            None,
        )
        .await
        .map_err(unreachable)?;
    let json = serde_json::to_vec(&creds).map_err(|e| RelayError::Runtime(e.to_string()))?;
    storage.save_account(&json).map_err(RelayError::Runtime)?;
    tracing::info!(directory, "registered an ACME account (kept in --data-dir)");
    Ok(account)
}
