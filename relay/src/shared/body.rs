//! The body type every response crossing the relay has, on either end, and the small
//! plain-text answers made of it.

use bytes::Bytes;
use http::{Response, StatusCode, header};
use http_body::Body;
use http_body_util::BodyExt;
use http_body_util::combinators::UnsyncBoxBody;

use crate::shared::mux::BoxError;

/// Every response body the relay sends and the client answers with: one boxed type, so the
/// sender's streamed answer, a buffered file and a short text all fit the same response.
pub type RelayBody = UnsyncBoxBody<Bytes, BoxError>;

/// Wraps any body as a [`RelayBody`].
pub fn body<B>(b: B) -> RelayBody
where
    B: Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    b.map_err(Into::into).boxed_unsync()
}

/// A short `text/plain` answer.
pub fn text_response(status: StatusCode, text: &str) -> Response<RelayBody> {
    let mut r = Response::new(body(http_body_util::Full::new(Bytes::from(
        text.to_string(),
    ))));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}
