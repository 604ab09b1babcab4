//! A body that passes through unchanged while keeping a copy (up to a cap) for the delivery log.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};

/// The copy so far, and whether it was cut at the cap.
pub type Copy = Arc<Mutex<(Vec<u8>, bool)>>;

pub struct Tee<B> {
    inner: B,
    copy: Copy,
    cap: usize,
}

impl<B> Tee<B> {
    pub fn new(inner: B, copy: Copy, cap: usize) -> Self {
        Tee { inner, copy, cap }
    }
}

impl<B: Body<Data = Bytes> + Unpin> Body for Tee<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if let Poll::Ready(Some(Ok(f))) = &polled
            && let Some(d) = f.data_ref()
        {
            let mut c = self.copy.lock().unwrap_or_else(|p| p.into_inner());
            let room = self.cap.saturating_sub(c.0.len());
            c.1 |= d.len() > room;
            c.0.extend_from_slice(&d[..d.len().min(room)]);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn passes_everything_through_and_keeps_a_capped_copy() {
        let copy: Copy = Arc::default();
        let body = http_body_util::Full::new(Bytes::from_static(b"abcdef"));
        let out = Tee::new(body, copy.clone(), 4)
            .collect()
            .await
            .unwrap()
            .to_bytes();
        assert_eq!(&out[..], b"abcdef");
        let c = copy.lock().unwrap();
        assert_eq!((&c.0[..], c.1), (&b"abcd"[..], true));
    }
}
