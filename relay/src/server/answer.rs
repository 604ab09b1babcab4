//! How a request that ends at the relay is answered (errors, 202) and logged: the request as the
//! client would have seen it, the one access line per request, and the limits a sender's body is
//! held to.

use std::time::Instant;

use http::{HeaderValue, Response, StatusCode};

use crate::server::state::State;
use crate::shared::body::{RelayBody, text_response};
use crate::shared::mux::{PumpError, PumpLimits};

/// The request as the client will see it (its headers travel separately, moved rather than
/// copied into the message that carries them).
pub struct Forwarded {
    pub tunnel: String,
    pub method: String,
    pub target: String,
    pub length: Option<u64>,
}

/// One line per request on stderr; never bodies or header values.
pub fn access_log(
    tunnel: &str,
    method: &str,
    target: &str,
    status: u16,
    bytes: u64,
    started: Instant,
) {
    let path = target.split('?').next().unwrap_or("");
    tracing::info!(
        target: "hookctl_relay::access",
        tunnel,
        method,
        path,
        status,
        bytes,
        ms = format!("{:.1}", started.elapsed().as_secs_f64() * 1000.0),
        "request"
    );
}

/// Answers a request that ends at the relay (errors, 202), with metrics and the access log.
pub struct Answer<'a> {
    pub state: &'a State,
    pub req: &'a Forwarded,
    pub started: Instant,
}

impl Answer<'_> {
    pub fn plain(&self, status: StatusCode, text: &str) -> Response<RelayBody> {
        self.state
            .metrics
            .answered(status.as_u16(), self.started.elapsed().as_secs_f64());
        access_log(
            &self.req.tunnel,
            &self.req.method,
            &self.req.target,
            status.as_u16(),
            0,
            self.started,
        );
        text_response(status, text)
    }

    pub fn retry_after(&self, status: StatusCode, secs: u32, text: &str) -> Response<RelayBody> {
        let mut r = self.plain(status, text);
        r.headers_mut()
            .insert(http::header::RETRY_AFTER, HeaderValue::from(secs));
        r
    }

    /// The sender's body did not get through whole: the answer that says why.
    pub fn body_failed(&self, e: &PumpError) -> Response<RelayBody> {
        match e {
            PumpError::TooLarge(max) => self.plain(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("the body is over this relay's {max}-byte limit (--max-body)\n"),
            ),
            PumpError::Idle(_) => {
                self.plain(StatusCode::REQUEST_TIMEOUT, "the request body stalled\n")
            }
            PumpError::Source(_) => {
                self.plain(StatusCode::BAD_REQUEST, "the request body broke off\n")
            }
            PumpError::Closed(_) => self.plain(
                StatusCode::BAD_GATEWAY,
                "the tunnel's client disconnected\n",
            ),
        }
    }
}

/// The limits a sender's body is held to, whether it goes to the client or into the buffer.
pub fn body_limits(state: &State) -> PumpLimits {
    PumpLimits {
        max: Some(state.opts.max_body),
        idle: Some(state.opts.request_timeout),
    }
}
