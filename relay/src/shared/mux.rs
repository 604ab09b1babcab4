//! What both ends of a tunnel share: the outgoing queues, per-request body streams with credit
//! flow control, and the body pump that cuts a body into chunks.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures_util::{Sink, SinkExt};
use http_body::{Body, Frame, SizeHint};
use http_body_util::BodyExt;
use serde::Serialize;
use tokio::sync::{Semaphore, mpsc};
use tokio_tungstenite::tungstenite::Message;
use tokio_util::sync::CancellationToken;

use crate::protocol::{CHUNK_SIZE, Chunk, WINDOW};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The tunnel socket closed while a message waited to go out.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the tunnel connection closed")]
pub struct Closed;

/// Where one side's outgoing messages queue. Two lanes: an unbounded one for small control
/// messages (credits, pings, acks) that must never wait behind body data — a reader blocked on a
/// full queue while its peer does the same would deadlock both ends — and a bounded one for heads
/// and chunks, whose fullness is the back-pressure that keeps bodies out of memory.
#[derive(Clone)]
pub struct Outbox {
    control: mpsc::UnboundedSender<Message>,
    data: mpsc::Sender<Queued>,
}

/// A data-lane entry: a head travels with the first chunk of its body, so a small request or
/// answer crosses the socket in one write.
type Queued = (Message, Option<Message>);

pub struct OutboxRx {
    control: mpsc::UnboundedReceiver<Message>,
    data: mpsc::Receiver<Queued>,
}

#[cfg(test)]
impl OutboxRx {
    /// The next control message already queued, if any.
    pub(crate) fn control_now(&mut self) -> Option<Message> {
        self.control.try_recv().ok()
    }
}

/// Entries (heads and chunks) that may wait in the data lane.
const DATA_DEPTH: usize = 64;

impl Outbox {
    pub fn new() -> (Outbox, OutboxRx) {
        let (ctx, crx) = mpsc::unbounded_channel();
        let (dtx, drx) = mpsc::channel(DATA_DEPTH);
        (
            Outbox {
                control: ctx,
                data: dtx,
            },
            OutboxRx {
                control: crx,
                data: drx,
            },
        )
    }

    /// Queues a control message without waiting; false when the connection is gone.
    pub fn control(&self, msg: &impl Serialize) -> bool {
        self.control.send(text(msg)).is_ok()
    }

    /// Credits `bytes` of request `id`'s body back to the peer, on the control lane, as
    /// `message(id, bytes)`: each side's own `Credit` message.
    pub fn credit<M: Serialize>(&self, id: u64, bytes: u64, message: fn(u64, u64) -> M) {
        self.control(&message(id, bytes));
    }

    /// What a received body calls back as it is consumed: `credit` for request `id`.
    pub fn credit_for<M: Serialize + 'static>(
        &self,
        id: u64,
        message: fn(u64, u64) -> M,
    ) -> impl Fn(usize) + Send + Sync + 'static {
        let outbox = self.clone();
        move |n| outbox.credit(id, n as u64, message)
    }

    /// Queues a chunk, after `head` when it is the body's first.
    async fn chunk(&self, head: Option<Message>, chunk: Chunk<'_>) -> Result<(), Closed> {
        // Chunks are cut to CHUNK_SIZE before they get here, so encoding cannot fail.
        let frame = Message::Binary(chunk.encode().map_err(|_| Closed)?.into());
        let entry = match head {
            Some(head) => (head, Some(frame)),
            None => (frame, None),
        };
        self.data.send(entry).await.map_err(|_| Closed)
    }

    /// Queues a closing frame with a reason the peer shows its user.
    pub fn close(&self, reason: &str) {
        let frame = tokio_tungstenite::tungstenite::protocol::CloseFrame {
            code: tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode::Normal,
            reason: reason.to_string().into(),
        };
        let _ = self.control.send(Message::Close(Some(frame)));
    }
}

/// A control message or head as the text frame that carries it.
pub fn text(msg: &impl Serialize) -> Message {
    // Our message types always serialise.
    Message::text(serde_json::to_string(msg).unwrap_or_default())
}

/// Most queue entries written to the socket before one flush.
const BURST: usize = 64;

/// Writes queued messages to the socket, control lane first, and a ping every `heartbeat`, until
/// `stop` fires, a close frame has gone out, or the socket fails. What has queued meanwhile goes
/// out with the first message in one flush: under load a write carries many messages rather than
/// a system call each.
pub async fn write_loop<S>(
    mut sink: S,
    mut rx: OutboxRx,
    heartbeat: Duration,
    ping: impl Fn(u64) -> Message,
    stop: CancellationToken,
) where
    S: Sink<Message> + Unpin,
{
    let mut ticker = tokio::time::interval_at(tokio::time::Instant::now() + heartbeat, heartbeat);
    let mut nonce = 0u64;
    'writing: loop {
        let mut entry: Queued = tokio::select! {
            biased;
            // Control first, even when told to stop: a queued closing frame still goes out.
            m = rx.control.recv() => match m { Some(m) => (m, None), None => break },
            _ = stop.cancelled() => break,
            m = rx.data.recv() => match m { Some(m) => m, None => break },
            _ = ticker.tick() => { nonce += 1; (ping(nonce), None) }
        };
        let mut fed = 0;
        loop {
            for msg in [Some(entry.0), entry.1].into_iter().flatten() {
                let closing = matches!(msg, Message::Close(_));
                if sink.feed(msg).await.is_err() {
                    break 'writing;
                }
                if closing {
                    let _ = sink.flush().await;
                    break 'writing;
                }
            }
            fed += 1;
            if fed == BURST {
                break;
            }
            entry = match rx.control.try_recv() {
                Ok(m) => (m, None),
                Err(_) => match rx.data.try_recv() {
                    Ok(e) => e,
                    Err(_) => break,
                },
            };
        }
        if sink.flush().await.is_err() {
            break;
        }
    }
    let _ = sink.close().await;
    stop.cancel();
}

/// What arrives for one body from the peer.
#[derive(Debug)]
enum BodyEvent {
    /// `last`: the chunk also ended the body (the peer's pump is done, so no credit goes back).
    Data {
        data: Bytes,
        last: bool,
    },
    End,
    Abort,
}

/// Why a body received over the tunnel did not arrive whole.
#[derive(Debug, Clone, Copy, thiserror::Error)]
pub enum BodyError {
    #[error("the body broke off on the other side of the tunnel")]
    Aborted,
    #[error("the tunnel connection was lost mid-body")]
    Lost,
}

/// The receiving end's handle on one incoming body: the reader task pushes chunks in.
pub struct Inbound {
    tx: mpsc::UnboundedSender<BodyEvent>,
    outstanding: Arc<AtomicUsize>,
    credit: Arc<dyn Fn(usize) + Send + Sync>,
}

/// The peer broke the protocol: sent more than the window allows.
#[derive(Debug, thiserror::Error)]
#[error("the peer sent {0} bytes of one body past its {WINDOW}-byte window")]
pub struct WindowOverrun(pub usize);

impl Inbound {
    /// A body whose consumption is credited back to the peer through `credit(bytes)`.
    pub fn new(
        credit: impl Fn(usize) + Send + Sync + 'static,
        length: Option<u64>,
    ) -> (Inbound, BodyStream) {
        let (tx, rx) = mpsc::unbounded_channel();
        let outstanding = Arc::new(AtomicUsize::new(0));
        let credit: Arc<dyn Fn(usize) + Send + Sync> = Arc::new(credit);
        (
            Inbound {
                tx,
                outstanding: outstanding.clone(),
                credit: credit.clone(),
            },
            BodyStream {
                rx,
                outstanding,
                credit,
                length,
                done: false,
            },
        )
    }

    /// Hands a chunk to the body. `frame` is the received frame it was decoded from, if any: the
    /// data is then shared with it rather than copied. Data nobody will read any more is credited
    /// back at once, so the peer's pump drains instead of stalling.
    pub fn push(&self, chunk: &Chunk<'_>, frame: Option<&Bytes>) -> Result<(), WindowOverrun> {
        let last = chunk.end && !chunk.abort;
        if !chunk.data.is_empty() {
            let now = self
                .outstanding
                .fetch_add(chunk.data.len(), Ordering::AcqRel)
                + chunk.data.len();
            if now > WINDOW {
                return Err(WindowOverrun(now));
            }
            let data = match frame {
                Some(f) => f.slice_ref(chunk.data),
                None => Bytes::copy_from_slice(chunk.data),
            };
            if self.tx.send(BodyEvent::Data { data, last }).is_err() {
                self.outstanding
                    .fetch_sub(chunk.data.len(), Ordering::AcqRel);
                if !last {
                    (self.credit)(chunk.data.len());
                }
            }
        }
        if chunk.abort {
            let _ = self.tx.send(BodyEvent::Abort);
        } else if chunk.end && chunk.data.is_empty() {
            let _ = self.tx.send(BodyEvent::End);
        }
        Ok(())
    }

    /// Ends the body as broken (the sender cancelled, the connection died).
    pub fn abort(&self) {
        let _ = self.tx.send(BodyEvent::Abort);
    }
}

/// A body arriving over the tunnel, as an `http_body::Body`: each chunk read grants the peer
/// that many bytes of window again.
pub struct BodyStream {
    rx: mpsc::UnboundedReceiver<BodyEvent>,
    outstanding: Arc<AtomicUsize>,
    credit: Arc<dyn Fn(usize) + Send + Sync>,
    length: Option<u64>,
    done: bool,
}

impl Body for BodyStream {
    type Data = Bytes;
    type Error = BodyError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BodyError>>> {
        if self.done {
            return Poll::Ready(None);
        }
        match self.rx.poll_recv(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(BodyEvent::Data { data, last })) => {
                self.outstanding.fetch_sub(data.len(), Ordering::AcqRel);
                if last {
                    // Known ended now, so whoever reads (hyper) finishes without asking again.
                    self.done = true;
                } else {
                    (self.credit)(data.len());
                }
                Poll::Ready(Some(Ok(Frame::data(data))))
            }
            Poll::Ready(Some(BodyEvent::End)) => {
                self.done = true;
                Poll::Ready(None)
            }
            Poll::Ready(Some(BodyEvent::Abort)) => {
                self.done = true;
                Poll::Ready(Some(Err(BodyError::Aborted)))
            }
            Poll::Ready(None) => {
                self.done = true;
                Poll::Ready(Some(Err(BodyError::Lost)))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.done || self.length == Some(0)
    }

    fn size_hint(&self) -> SizeHint {
        // An exact hint makes hyper send Content-Length rather than chunked, as the sender did.
        match self.length {
            Some(n) => SizeHint::with_exact(n),
            None => SizeHint::default(),
        }
    }
}

impl Drop for BodyStream {
    fn drop(&mut self) {
        // Whatever was delivered but not read is given back, or the peer's pump would wait.
        let left = self.outstanding.swap(0, Ordering::AcqRel);
        if left > 0 {
            (self.credit)(left);
        }
    }
}

/// How many body bytes this side may still send for one request.
#[derive(Clone)]
pub struct Window(Arc<Semaphore>);

impl Default for Window {
    fn default() -> Self {
        Window(Arc::new(Semaphore::new(WINDOW)))
    }
}

impl Window {
    pub fn grant(&self, bytes: u64) {
        // A peer granting absurd amounts cannot overflow the semaphore.
        let room = Semaphore::MAX_PERMITS.saturating_sub(self.0.available_permits());
        self.0.add_permits((bytes as usize).min(room));
    }

    async fn take(&self, bytes: usize) -> Result<(), Closed> {
        let permit = self
            .0
            .acquire_many(bytes as u32)
            .await
            .map_err(|_| Closed)?;
        permit.forget();
        Ok(())
    }

    /// Wakes a pump waiting for credit: the request is over.
    pub fn close(&self) {
        self.0.close();
    }
}

/// Limits a pump enforces on the body it reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct PumpLimits {
    /// Most bytes accepted.
    pub max: Option<u64>,
    /// Longest wait for the next piece of the body.
    pub idle: Option<Duration>,
}

/// Why a body did not go through the tunnel whole. Each case has sent an abort chunk already.
#[derive(Debug, thiserror::Error)]
pub enum PumpError {
    #[error("the body is larger than {0} bytes")]
    TooLarge(u64),
    #[error("no body data for {0:?}")]
    Idle(Duration),
    #[error("reading the body failed: {0}")]
    Source(String),
    #[error(transparent)]
    Closed(#[from] Closed),
}

/// A body read within `PumpLimits`: the one place its size and idle limits are enforced, for
/// the pump and for the offline buffer alike.
pub struct Limited<B> {
    body: B,
    limits: PumpLimits,
    read: u64,
}

impl<B> Limited<B>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: std::fmt::Display,
{
    pub fn new(body: B, limits: PumpLimits) -> Self {
        Limited {
            body,
            limits,
            read: 0,
        }
    }

    /// The next piece of the body's data; None once it has ended.
    pub async fn data(&mut self) -> Result<Option<Bytes>, PumpError> {
        loop {
            let next = match self.limits.idle {
                Some(idle) => tokio::time::timeout(idle, self.body.frame())
                    .await
                    .map_err(|_| PumpError::Idle(idle))?,
                None => self.body.frame().await,
            };
            let frame = match next {
                None => return Ok(None),
                Some(Ok(f)) => f,
                Some(Err(e)) => return Err(PumpError::Source(e.to_string())),
            };
            let Ok(data) = frame.into_data() else {
                continue; // trailers are hop-by-hop here: neither side forwards them
            };
            self.read += data.len() as u64;
            if let Some(max) = self.limits.max
                && self.read > max
            {
                return Err(PumpError::TooLarge(max));
            }
            return Ok(Some(data));
        }
    }

    /// The bytes of data read so far.
    pub fn read(&self) -> u64 {
        self.read
    }

    /// The body says it has ended: no more data will come.
    pub fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }
}

/// Sends `body` for request `id` as chunks within the window, after `head` (the message that
/// announces the body: it goes out with the first chunk, or with the end of an empty body);
/// returns the bytes sent. When the body fails before the head went out, nothing is sent: the
/// peer never heard of the request.
pub async fn send_body<B>(
    outbox: &Outbox,
    id: u64,
    window: &Window,
    body: B,
    limits: PumpLimits,
    head: Option<Message>,
) -> Result<u64, PumpError>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: std::fmt::Display,
{
    let mut head = head;
    let mut body = Limited::new(body, limits);
    loop {
        let data = match body.data().await {
            Ok(Some(data)) => data,
            Ok(None) => break,
            Err(e) => {
                if head.is_none() {
                    let _ = outbox.chunk(None, Chunk::abort(id)).await;
                }
                return Err(e);
            }
        };
        // A body that says it has ended ends with its last piece: one frame less per body, and
        // the receiver credits nothing back for it.
        let last = body.is_end_stream() && !data.is_empty();
        let mut pieces = data.chunks(CHUNK_SIZE).peekable();
        while let Some(piece) = pieces.next() {
            window.take(piece.len()).await?;
            let mut chunk = Chunk::data(id, piece);
            chunk.end = last && pieces.peek().is_none();
            outbox.chunk(head.take(), chunk).await?;
        }
        if last {
            return Ok(body.read());
        }
    }
    outbox.chunk(head.take(), Chunk::end(id)).await?;
    Ok(body.read())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[tokio::test]
    async fn reading_a_body_credits_the_peer_and_overruns_are_caught() {
        let granted = Arc::new(Mutex::new(0usize));
        let g = granted.clone();
        let (inbound, mut body) = Inbound::new(move |n| *g.lock().unwrap() += n, Some(6));
        inbound.push(&Chunk::data(1, b"abc"), None).unwrap();
        inbound.push(&Chunk::data(1, b"def"), None).unwrap();
        inbound.push(&Chunk::end(1), None).unwrap();
        assert_eq!(body.size_hint().exact(), Some(6));
        let all = (&mut body).collect().await.unwrap().to_bytes();
        assert_eq!(&all[..], b"abcdef");
        assert_eq!(*granted.lock().unwrap(), 6);

        let (inbound, _body) = Inbound::new(|_| {}, None);
        let big = vec![0u8; WINDOW];
        inbound.push(&Chunk::data(2, &big), None).unwrap();
        assert!(inbound.push(&Chunk::data(2, b"x"), None).is_err());
    }

    #[tokio::test]
    async fn a_dropped_reader_gives_the_window_back() {
        let granted = Arc::new(Mutex::new(0usize));
        let g = granted.clone();
        let (inbound, body) = Inbound::new(move |n| *g.lock().unwrap() += n, None);
        inbound.push(&Chunk::data(1, b"abcd"), None).unwrap();
        drop(body);
        assert_eq!(*granted.lock().unwrap(), 4);
        inbound.push(&Chunk::data(1, b"ef"), None).unwrap();
        assert_eq!(*granted.lock().unwrap(), 6);
    }

    #[tokio::test]
    async fn a_body_goes_with_its_head_and_ends_with_its_last_piece_which_credits_nothing_back() {
        let (outbox, mut rx) = Outbox::new();
        let body = http_body_util::Full::new(Bytes::from_static(b"cd"));
        let head = text(&"the head");
        send_body(
            &outbox,
            3,
            &Window::default(),
            body,
            PumpLimits::default(),
            Some(head.clone()),
        )
        .await
        .unwrap();
        let (first, Some(Message::Binary(frame))) = rx.data.recv().await.unwrap() else {
            panic!("the head and the chunk are one entry")
        };
        assert_eq!(first, head);
        let last = Chunk::decode(&frame).unwrap();
        assert_eq!((last.data, last.end), (&b"cd"[..], true));
        assert!(rx.data.try_recv().is_err(), "no separate end chunk");

        let granted = Arc::new(Mutex::new(0usize));
        let g = granted.clone();
        let (inbound, mut body) = Inbound::new(move |n| *g.lock().unwrap() += n, None);
        inbound.push(&Chunk::data(3, b"ab"), None).unwrap();
        inbound.push(&last, Some(&frame)).unwrap();
        let first = body.frame().await.unwrap().unwrap().into_data().unwrap();
        assert_eq!((&first[..], *granted.lock().unwrap()), (&b"ab"[..], 2));
        let second = body.frame().await.unwrap().unwrap().into_data().unwrap();
        assert_eq!(&second[..], b"cd");
        assert!(body.is_end_stream(), "ended without another read");
        assert!(body.frame().await.is_none());
        assert_eq!(
            *granted.lock().unwrap(),
            2,
            "the last piece is not credited"
        );
    }

    #[tokio::test]
    async fn an_aborted_body_is_an_error_not_a_short_body() {
        let (inbound, body) = Inbound::new(|_| {}, None);
        inbound.push(&Chunk::data(1, b"ab"), None).unwrap();
        inbound.push(&Chunk::abort(1), None).unwrap();
        assert!(body.collect().await.is_err());
        let (inbound, body) = Inbound::new(|_| {}, None);
        drop(inbound);
        assert!(matches!(body.collect().await, Err(BodyError::Lost)));
    }

    #[tokio::test(start_paused = true)]
    async fn the_pump_waits_for_credit_and_stops_at_the_size_limit() {
        let (outbox, mut rx) = Outbox::new();
        let window = Window::default();
        let body = http_body_util::Full::new(Bytes::from(vec![7u8; WINDOW + CHUNK_SIZE]));
        let w = window.clone();
        let pump = tokio::spawn(async move {
            send_body(&outbox, 5, &w, body, PumpLimits::default(), None).await
        });
        // Exactly one window's worth goes out, then the pump waits for credit.
        let mut got = 0;
        while got < WINDOW {
            let (Message::Binary(b), None) = rx.data.recv().await.unwrap() else {
                panic!()
            };
            got += Chunk::decode(&b).unwrap().data.len();
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(rx.data.try_recv().is_err(), "sent past the window");
        window.grant(CHUNK_SIZE as u64);
        let (Message::Binary(b), None) = rx.data.recv().await.unwrap() else {
            panic!()
        };
        assert_eq!(Chunk::decode(&b).unwrap().data.len(), CHUNK_SIZE);
        assert_eq!(pump.await.unwrap().unwrap(), (WINDOW + CHUNK_SIZE) as u64);

        let (outbox, _rx) = Outbox::new();
        let body = http_body_util::Full::new(Bytes::from(vec![0u8; 100]));
        let limits = PumpLimits {
            max: Some(99),
            idle: None,
        };
        let r = send_body(&outbox, 6, &Window::default(), body, limits, None).await;
        assert!(matches!(r, Err(PumpError::TooLarge(99))));
    }
}
