//! A body that passes through unchanged while keeping a copy (up to a cap) for the delivery log.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};

/// Request bodies larger than this are recorded cut short (and say so in `error`).
pub const MAX_RECORDED_BODY: usize = 32 * 1024 * 1024;

/// What a body kept for the log so far.
pub type Copy = Arc<Mutex<Kept>>;

/// A body kept up to a cap, copied: a piece shared instead would pin the whole read buffer it
/// was cut from. The buffer is sized once for the length the body announced, since growing it by
/// doubling cost a copy and fresh pages each time: a fifth of listen's time on a 25 MiB upload.
#[derive(Debug, Default)]
pub struct Kept {
    bytes: Vec<u8>,
    /// The length the body announced, if it did.
    expected: usize,
    /// Some of the body did not fit under the cap.
    pub cut: bool,
    /// The body broke off before its end (its relay connection was lost).
    pub broke: bool,
}

impl Kept {
    /// For a body of `length` bytes, when it says.
    pub fn expecting(length: Option<u64>) -> Self {
        Kept {
            expected: length.map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX)),
            ..Kept::default()
        }
    }

    /// Keeps as much of `data` as fits under `cap`.
    pub fn push(&mut self, data: &[u8], cap: usize) {
        let room = cap.saturating_sub(self.bytes.len());
        self.cut |= data.len() > room;
        let data = &data[..data.len().min(room)];
        if self.bytes.capacity() == 0 {
            self.bytes
                .reserve_exact(self.expected.min(cap).max(data.len()));
        }
        self.bytes.extend_from_slice(data);
    }

    pub fn into_bytes(self) -> Bytes {
        Bytes::from(self.bytes)
    }
}

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
        while let Some(frame) = body.frame().await {
            match frame {
                Ok(frame) => {
                    if let Ok(d) = frame.into_data() {
                        lock(copy).push(&d, cap);
                    }
                }
                Err(_) => {
                    lock(copy).broke = true;
                    return;
                }
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
        match &polled {
            Poll::Ready(Some(Ok(f))) => {
                if let Some(d) = f.data_ref() {
                    lock(&self.copy).push(d, self.cap);
                }
            }
            Poll::Ready(Some(Err(_))) => lock(&self.copy).broke = true,
            _ => {}
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

/// The copy, even if a holder panicked (what it kept is still worth recording).
pub fn lock(copy: &Copy) -> std::sync::MutexGuard<'_, Kept> {
    copy.lock().unwrap_or_else(|p| p.into_inner())
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
        let kept = std::mem::take(&mut *lock(&copy));
        assert!(kept.cut);
        assert_eq!(&kept.into_bytes()[..], b"abcd");
    }

    #[tokio::test]
    async fn a_body_nobody_read_is_taken_back_whole() {
        let copy: Copy = Arc::default();
        let body = http_body_util::Full::new(Bytes::from_static(b"unread"));
        let (tee, shared) = Tee::new(body, copy.clone(), 100);
        drop(tee);
        Tee::drain_into(&shared, &copy, 100).await;
        assert_eq!(
            &std::mem::take(&mut *lock(&copy)).into_bytes()[..],
            b"unread"
        );
    }

    #[test]
    fn pieces_join_in_one_buffer_sized_for_the_announced_length() {
        let mut kept = Kept::expecting(Some(6));
        kept.push(b"ab", 100);
        assert_eq!(kept.bytes.capacity(), 6, "sized once for the whole body");
        kept.push(b"cd", 100);
        kept.push(b"ef", 100);
        assert_eq!(kept.bytes.capacity(), 6);
        assert!(!kept.cut);
        let mut kept = Kept::expecting(None);
        for piece in [&b"ab"[..], b"cd", b"ef"] {
            kept.push(piece, 5);
        }
        assert!(kept.cut);
        assert_eq!(&kept.into_bytes()[..], b"abcde");
    }
}
