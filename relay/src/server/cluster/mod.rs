//! The relay as one node of a cluster on Redis (`--cluster`): any node accepts any tunnel's
//! requests and clients, and they share through Redis who holds each tunnel (`lease`), the
//! tokens and reserved names (`names`) and the offline buffer (`stream`); a request reaching a
//! node that does not hold its tunnel goes to the one that does in one hop (`proxy`). Redis
//! carries no request on its way to a client: only what must outlive a node.
//! Every key is named in `keys`.

pub mod keys;
pub mod lease;
pub mod names;
pub mod proxy;
pub mod route;
pub mod stream;

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use crate::server::error::RelayError;

/// How long a node waits for Redis before it says Redis cannot be reached.
pub const REDIS_TIMEOUT: Duration = Duration::from_secs(2);

/// This node's handle on the cluster.
pub struct Cluster {
    redis: ConnectionManager,
    /// This node's id: new at every start, so a restarted node is a new consumer whose old
    /// deliveries in flight others adopt.
    pub node: String,
    /// Where the other nodes reach this one (`--node-url`).
    pub node_url: String,
    /// Authenticates forwards between nodes (`proxy::HOP_HEADER`).
    secret: String,
    pub hop: proxy::Hop,
    /// This node's tokens, as hashes, renewed in Redis while it runs (`names`).
    token_hashes: Vec<String>,
}

/// `--cluster`'s URL checked: redis://, with a host. The error is for the user.
pub fn redis_url(text: &str) -> Result<redis::ConnectionInfo, String> {
    let bad = |why: String| {
        format!(
            "--cluster '{}' is not a Redis URL ({why}): give redis://HOST:PORT[/DB]",
            redis_shown(text)
        )
    };
    let parsed = url::Url::parse(text).map_err(|e| bad(e.to_string()))?;
    if parsed.scheme() == "rediss" {
        return Err(format!(
            "--cluster '{}': TLS to Redis (rediss://) is not supported: keep Redis on the nodes' private network and give redis://HOST:PORT",
            redis_shown(text)
        ));
    }
    if parsed.scheme() != "redis" || parsed.host_str().is_none() {
        return Err(bad("it must start with redis://".into()));
    }
    redis::IntoConnectionInfo::into_connection_info(text).map_err(|e| bad(e.to_string()))
}

/// `--cluster`'s URL without its password, for logs and messages.
pub fn redis_shown(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(mut u) => {
            let _ = u.set_password(None);
            let _ = u.set_username("");
            u.to_string()
        }
        Err(_) => "the --cluster URL".into(),
    }
}

impl Cluster {
    /// Connects to Redis and joins the cluster: an unreachable Redis at start is a runtime
    /// failure (exit 3), as the node could serve nothing it promises.
    pub async fn join(
        url: &str,
        node_url: &str,
        token_hashes: &[String],
    ) -> Result<Cluster, RelayError> {
        let info = redis_url(url).map_err(RelayError::Usage)?;
        let client = redis::Client::open(info).map_err(|e| RelayError::Usage(e.to_string()))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(REDIS_TIMEOUT))
            .set_response_timeout(Some(REDIS_TIMEOUT))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        let shown = redis_shown(url);
        let unreachable = |e: redis::RedisError| {
            RelayError::Runtime(format!("cannot reach Redis at {shown} (--cluster): {e}"))
        };
        let redis = tokio::time::timeout(
            REDIS_TIMEOUT * 2,
            ConnectionManager::new_with_config(client, config),
        )
        .await
        .map_err(|_| {
            RelayError::Runtime(format!(
                "cannot reach Redis at {shown} (--cluster): no answer within {}s",
                (REDIS_TIMEOUT * 2).as_secs()
            ))
        })?
        .map_err(unreachable)?;
        let mut cluster = Cluster {
            redis,
            node: uuid::Uuid::now_v7().simple().to_string(),
            node_url: node_url.trim_end_matches('/').to_string(),
            secret: String::new(),
            hop: proxy::client(),
            token_hashes: token_hashes.to_vec(),
        };
        cluster.secret = cluster.shared_secret().await.map_err(unreachable)?;
        cluster.renew_tokens().await.map_err(unreachable)?;
        Ok(cluster)
    }

    /// A handle on the connection, which reconnects by itself.
    pub fn redis(&self) -> ConnectionManager {
        self.redis.clone()
    }

    /// The secret every node forwards with: made by the first node, read by the others.
    async fn shared_secret(&self) -> redis::RedisResult<String> {
        let mine = crate::shared::names::random_key();
        let _: Option<String> = redis::cmd("SET")
            .arg(keys::SECRET)
            .arg(&mine)
            .arg("NX")
            .query_async(&mut self.redis())
            .await?;
        redis::cmd("GET")
            .arg(keys::SECRET)
            .query_async(&mut self.redis())
            .await
    }

    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// Whether `given` is the cluster's secret, compared in constant time.
    pub fn is_hop(&self, given: &[u8]) -> bool {
        crate::shared::names::same_hash(&self.secret, &String::from_utf8_lossy(given))
    }

    /// Whether Redis answers now, for `/healthz`.
    pub async fn ping(&self) -> Result<(), String> {
        match tokio::time::timeout(
            REDIS_TIMEOUT,
            redis::cmd("PING").query_async::<String>(&mut self.redis()),
        )
        .await
        {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!("no answer within {}s", REDIS_TIMEOUT.as_secs())),
        }
    }
}
