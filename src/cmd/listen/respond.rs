//! listen's own answers (a short text, a broken-off body) and the step every answer takes
//! first: the delivery is recorded, then answered.

use bytes::Bytes;
use hookctl_relay::client::{self, TunnelResponse};
use hookctl_relay::shared::mux::BoxError;
use http_body::Frame;
use http_body_util::{Full, StreamBody};

use super::finish::{Done, Handling, Shared};
use crate::store::{Body, ResponsePart, Status};

/// A plain-text answer of listen's own.
pub fn text_response(status: u16, text: String) -> TunnelResponse {
    TunnelResponse {
        status,
        headers: vec![("content-type".into(), "text/plain; charset=utf-8".into())],
        body: client::body(Full::new(Bytes::from(text))),
    }
}

/// The relay drops a buffered delivery once its answer arrives whole: an answer that breaks off
/// keeps it buffered, to come again. Used when the record could not be written.
fn broken_off(mut resp: TunnelResponse) -> TunnelResponse {
    let fail = futures_util::stream::once(async {
        Err::<Frame<Bytes>, BoxError>("not recorded in the delivery log".into())
    });
    resp.body = client::body(StreamBody::new(fail));
    resp
}

/// Records the delivery (queued; a buffered one written), then answers: unless a buffered one
/// could not be recorded. Answers made here are quick, so recording first keeps the printed
/// lines in the order the deliveries came.
pub async fn answered(done: Done, shared: &Shared, resp: TunnelResponse) -> TunnelResponse {
    if shared.finish(done, resp.status).await {
        resp
    } else {
        broken_off(resp)
    }
}

/// Answers with a short text of listen's own, recorded as the delivery's response.
pub async fn quick(mut done: Done, shared: &Shared, status: u16, text: String) -> TunnelResponse {
    done.response = Some(plain_part(status, &text));
    answered(done, shared, text_response(status, text)).await
}

/// Answers with listen's own text for a delivery that failed here, recorded as failed.
pub async fn failed(
    mut done: Done,
    shared: &Shared,
    status: u16,
    error: String,
    text: String,
) -> TunnelResponse {
    done.status = Status::Failed;
    done.outcome = Handling::Failed;
    done.error = Some(error);
    quick(done, shared, status, text).await
}

/// A delivery listen could not forward (no route, the target down or slow): the error is
/// recorded, and the sender told it in listen's words.
pub async fn not_forwarded(
    done: Done,
    shared: &Shared,
    status: u16,
    error: impl std::fmt::Display,
) -> TunnelResponse {
    let text = format!("hookctl listen: {error}\n");
    failed(done, shared, status, error.to_string(), text).await
}

/// `text_response`'s answer as the record keeps it.
fn plain_part(status: u16, text: &str) -> ResponsePart {
    ResponsePart {
        status,
        headers: [("content-type", "text/plain; charset=utf-8")]
            .into_iter()
            .collect(),
        body: Body(text.as_bytes().to_vec()),
    }
}
