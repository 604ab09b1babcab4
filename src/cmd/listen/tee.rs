//! A body that passes through unchanged while keeping a copy (up to a cap) for the delivery log.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};

/// The copy so far, and whether it was cut at the cap.
pub type Copy = Arc<Mutex<(Vec<u8>, bool)>>;

/// The body itself, shared: if the destination never reads it (a target that is down), the
/// caller takes it back to record it whole anyway.
pub type Shared<B> = Arc<Mutex<Option<B>>>;

pub struct Tee<B> {
    inner: Shared<B>,
    copy: Copy,
    cap: usize,
}

impl<B> Tee<B> {
    pub fn new(inner: B, copy: Copy, cap: usize) -> (Self, Shared<B>) {
        let shared = Arc::new(Mutex::new(Some(inner)));
        (
            Tee {
                inner: shared.clone(),
                copy,
                cap,
            },
            shared,
        )
    }

    /// Adds what is left of the body to the copy (up to the cap).
    pub async fn drain_into(shared: &Shared<B>, copy: &Copy, cap: usize)
    where
        B: Body<Data = Bytes> + Unpin,
    {
        use http_body_util::BodyExt;
        let taken = shared.lock().unwrap_or_else(|p| p.into_inner()).take();
        let Some(mut body) = taken else { return };
        while let Some(Ok(frame)) = body.frame().await {
            if let Ok(d) = frame.into_data() {
                let mut c = copy.lock().unwrap_or_else(|p| p.into_inner());
                c.1 |= keep_capped(&mut c.0, &d, cap);
            }
        }
    }
}

impl<B: Body<Data = Bytes> + Unpin> Body for Tee<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let polled = {
            let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            match inner.as_mut() {
                Some(b) => Pin::new(b).poll_frame(cx),
                None => Poll::Ready(None),
            }
        };
        if let Poll::Ready(Some(Ok(f))) = &polled
            && let Some(d) = f.data_ref()
        {
            let mut c = self.copy.lock().unwrap_or_else(|p| p.into_inner());
            c.1 |= keep_capped(&mut c.0, d, self.cap);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.as_ref().is_none_or(|b| b.is_end_stream())
    }

    fn size_hint(&self) -> SizeHint {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.as_ref().map(|b| b.size_hint()).unwrap_or_default()
    }
}

/// Appends as much of `data` to `kept` as fits under `cap`; true when some did not fit.
pub fn keep_capped(kept: &mut Vec<u8>, data: &[u8], cap: usize) -> bool {
    let room = cap.saturating_sub(kept.len());
    kept.extend_from_slice(&data[..data.len().min(room)]);
    data.len() > room
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn passes_everything_through_and_keeps_a_capped_copy() {
        let copy: Copy = Arc::default();
        let body = http_body_util::Full::new(Bytes::from_static(b"abcdef"));
        let (tee, _) = Tee::new(body, copy.clone(), 4);
        let out = tee.collect().await.unwrap().to_bytes();
        assert_eq!(&out[..], b"abcdef");
        let c = copy.lock().unwrap();
        assert_eq!((&c.0[..], c.1), (&b"abcd"[..], true));
    }

    #[tokio::test]
    async fn a_body_nobody_read_is_taken_back_whole() {
        let copy: Copy = Arc::default();
        let body = http_body_util::Full::new(Bytes::from_static(b"unread"));
        let (tee, shared) = Tee::new(body, copy.clone(), 100);
        drop(tee);
        Tee::drain_into(&shared, &copy, 100).await;
        assert_eq!(&copy.lock().unwrap().0[..], b"unread");
    }
}
