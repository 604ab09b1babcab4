//! The page's files, embedded from `src/console/page/` at build time (the whole folder, so the
//! page grows without touching this file) and served with their content types: `/` is
//! `index.html`, every file is at `/page/<path>`.

use std::sync::Arc;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use include_dir::{Dir, include_dir};

static PAGE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/console/page");

/// What the page may load: its own files only (it works offline, nothing from a CDN), inline
/// styles, and images drawn as data URLs.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

pub fn routes() -> Router<Arc<crate::console::state::State>> {
    Router::new()
        .route("/", get(|| async { file("index.html") }))
        .route(
            "/page/{*path}",
            get(|Path(p): Path<String>| async move { file(&p) }),
        )
}

fn file(path: &str) -> Response {
    let Some(f) = PAGE.get_file(path) else {
        return (StatusCode::NOT_FOUND, format!("no page file {path}\n")).into_response();
    };
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let mut resp = f.contents().into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(mime.essence_str()).expect("a MIME type is a header value"),
    );
    if mime.type_() == mime_guess::mime::TEXT || mime.subtype() == "javascript" {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(&format!("{}; charset=utf-8", mime.essence_str()))
                .expect("a MIME type is a header value"),
        );
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    // The files change with the binary only; revalidating costs nothing on loopback.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_files_carry_their_content_type_and_a_missing_one_is_404() {
        let index = file("index.html");
        assert_eq!(index.status(), StatusCode::OK);
        assert_eq!(
            index.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8"
        );
        assert!(
            index.headers()[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .starts_with("default-src 'self'")
        );
        assert_eq!(file("no/such.js").status(), StatusCode::NOT_FOUND);
    }
}
