//! `--http-listen`: plain HTTP beside the HTTPS listener, for ACME's HTTP-01 challenge and to
//! send everyone else to https (308 keeps a webhook's method and body).

use std::convert::Infallible;
use std::sync::Arc;

use http::{Request, Response, StatusCode, header};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::net::TcpListener;

use crate::server::acme::Acme;
use crate::server::host::{request_host, subdomain_tunnel};
use crate::server::state::State;
use crate::shared::body::{RelayBody, text_response};

const CHALLENGE_PATH: &str = "/.well-known/acme-challenge/";

pub async fn serve(listener: TcpListener, state: Arc<State>, acme: Option<Arc<Acme>>) {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(state.opts.header_timeout);
    loop {
        let tcp = tokio::select! {
            _ = state.sessions.cancelled() => return,
            a = listener.accept() => match a {
                Ok((tcp, _)) => tcp,
                Err(e) => {
                    tracing::warn!("--http-listen accept failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let state = state.clone();
        let acme = acme.clone();
        let builder = builder.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req| {
                let answered = answer(&state, acme.as_deref(), &req);
                async move { Ok::<_, Infallible>(answered) }
            });
            let _ = builder.serve_connection(TokioIo::new(tcp), svc).await;
        });
    }
}

fn answer(state: &State, acme: Option<&Acme>, req: &Request<Incoming>) -> Response<RelayBody> {
    let path = req.uri().path();
    if let Some(token) = path.strip_prefix(CHALLENGE_PATH) {
        let key_auth = acme.and_then(|a| a.challenges.http(token));
        return match key_auth {
            Some(k) => text_response(StatusCode::OK, &k),
            None => text_response(StatusCode::NOT_FOUND, "no such challenge\n"),
        };
    }
    // Only to the relay's own names: the redirect must not send a sender anywhere it is told.
    let domain = state.opts.domain.as_deref().unwrap_or_default();
    let host = match request_host(req) {
        Some(h) if h == domain || subdomain_tunnel(domain, &h).is_some() => h,
        _ => domain.to_string(),
    };
    let port = url::Url::parse(&state.public_base)
        .ok()
        .and_then(|u| u.port())
        .map(|p| format!(":{p}"))
        .unwrap_or_default();
    let pq = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let mut r = text_response(StatusCode::PERMANENT_REDIRECT, "use https\n");
    if let Ok(v) = header::HeaderValue::from_str(&format!("https://{host}{port}{pq}")) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}
