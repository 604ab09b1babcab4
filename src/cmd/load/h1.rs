//! The load generator's HTTP/1.1 wire, both ways: a request written whole into the worker's
//! reused buffer and sent in one write, its answer parsed in place (httparse) on a lean
//! keep-alive connection: no header map, no body stream, no connection task. A general client
//! (hyper) does far more per request than a generator needs, and every microsecond of it is CPU
//! taken from the target it shares a machine with (bench/README.md, load).

use bytes::{Buf, BytesMut};
use http::Uri;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::stats::ErrorKind;
use crate::message::Headers;

/// An answer's head may not grow past this: a real server's is a few hundred bytes.
const MAX_HEAD: usize = 64 * 1024;

/// Headers an answer may carry; more is a protocol error.
const MAX_HEADERS: usize = 100;

/// Read in steps of at least this much.
const READ_CHUNK: usize = 16 * 1024;

/// At most as much of a body is kept as the delivery log stores; the rest is read and dropped,
/// so a big answer costs no memory.
const MAX_KEPT_BODY: usize = crate::http::MAX_STORED_RESPONSE;

/// Writes a POST of `body` to `target` as a whole HTTP/1.1 message into `out` (cleared first).
/// Header values hold no CR/LF: load checks them when a payload's shape is made, and signatures
/// are ASCII.
pub fn write_request(
    out: &mut Vec<u8>,
    target: &Uri,
    host: &[u8],
    headers: &Headers,
    body: &[u8],
) -> std::io::Result<()> {
    use std::io::Write;
    out.clear();
    out.extend_from_slice(b"POST ");
    match target.path_and_query() {
        Some(pq) => out.extend_from_slice(pq.as_str().as_bytes()),
        None => out.push(b'/'),
    }
    out.extend_from_slice(b" HTTP/1.1\r\nHost: ");
    out.extend_from_slice(host);
    out.extend_from_slice(b"\r\n");
    for (n, v) in headers.iter() {
        out.extend_from_slice(n.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(v.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.extend_from_slice(body);
    Ok(())
}

/// A request that got no usable answer: its kind, and one line saying what happened.
pub type Failure = (ErrorKind, String);

/// The reply to one load request. The headers and body are read into memory only when asked for (the few
/// requests the delivery log keeps); the rest are parsed and dropped.
pub struct Reply {
    pub status: u16,
    pub detail: Option<(Headers, bytes::Bytes)>,
}

/// How the answer's body is delimited (RFC 9112 §6.3).
enum Framing {
    None,
    Length(usize),
    Chunked,
    UntilClose,
}

/// One keep-alive connection carrying one request at a time.
pub struct H1<S> {
    io: S,
    buf: BytesMut,
    open: bool,
}

impl<S: AsyncRead + AsyncWrite + Unpin> H1<S> {
    pub fn new(io: S) -> Self {
        H1 {
            io,
            buf: BytesMut::with_capacity(READ_CHUNK),
            open: true,
        }
    }

    /// Whether another request may be sent (the server has not said it closes).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Sends `request` (a whole HTTP/1.1 message) and reads the whole answer. `keep(status)`
    /// says whether to hand back its headers and body. After an error the connection is closed.
    pub async fn exchange(
        &mut self,
        request: &[u8],
        keep: impl FnOnce(u16) -> bool,
    ) -> Result<Reply, Failure> {
        let answer = self.send_and_read(request, keep).await;
        if answer.is_err() {
            self.open = false;
        }
        answer
    }

    async fn send_and_read(
        &mut self,
        request: &[u8],
        keep: impl FnOnce(u16) -> bool,
    ) -> Result<Reply, Failure> {
        self.io.write_all(request).await.map_err(io_failure)?;
        // A no-op on TCP; TLS needs it to push out the last record.
        self.io.flush().await.map_err(io_failure)?;
        let mut keep = Some(keep);
        loop {
            let head = self.read_head(&mut keep).await?;
            if head.interim {
                continue;
            }
            if head.close {
                self.open = false;
            }
            let kept = head.headers.is_some();
            let body = self.read_body(head.framing, kept).await?;
            return Ok(Reply {
                status: head.status,
                detail: head.headers.map(|h| (h, body.freeze())),
            });
        }
    }

    /// Reads until a whole head is buffered, parses it and consumes it. `keep` is asked (once,
    /// for the final answer) whether to copy the headers out.
    async fn read_head<K: FnOnce(u16) -> bool>(
        &mut self,
        keep: &mut Option<K>,
    ) -> Result<Head, Failure> {
        loop {
            if !self.buf.is_empty() {
                let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
                let mut parsed = httparse::Response::new(&mut slots);
                match parsed.parse(&self.buf) {
                    Ok(httparse::Status::Complete(len)) => {
                        let head = Head::of(&parsed, keep)?;
                        self.buf.advance(len);
                        return Ok(head);
                    }
                    Ok(httparse::Status::Partial) if self.buf.len() > MAX_HEAD => {
                        return Err(protocol(format!(
                            "the answer's head is over {MAX_HEAD} bytes"
                        )));
                    }
                    Ok(httparse::Status::Partial) => {}
                    Err(e) => return Err(protocol(format!("the answer is not HTTP/1.1: {e}"))),
                }
            }
            if self.fill().await? == 0 {
                return Err(closed());
            }
        }
    }

    /// Reads the body, keeping (up to MAX_KEPT_BODY of) it only if asked.
    async fn read_body(&mut self, framing: Framing, keep: bool) -> Result<BytesMut, Failure> {
        let mut kept = BytesMut::new();
        match framing {
            Framing::None => {}
            Framing::Length(n) => self.take(n, keep.then_some(&mut kept)).await?,
            Framing::UntilClose => {
                self.open = false;
                loop {
                    self.take(self.buf.len(), keep.then_some(&mut kept)).await?;
                    if self.fill().await? == 0 {
                        break;
                    }
                }
            }
            Framing::Chunked => loop {
                let size = self.chunk_size().await?;
                if size == 0 {
                    self.skip_trailers().await?;
                    break;
                }
                self.take(size, keep.then_some(&mut kept)).await?;
                self.expect_crlf().await?;
            },
        }
        Ok(kept)
    }

    /// Consumes `n` body bytes, appending them to `into` while it holds under MAX_KEPT_BODY.
    async fn take(&mut self, mut n: usize, mut into: Option<&mut BytesMut>) -> Result<(), Failure> {
        while n > 0 {
            if self.buf.is_empty() && self.fill().await? == 0 {
                return Err(closed());
            }
            let here = n.min(self.buf.len());
            if let Some(into) = into.as_deref_mut() {
                let room = MAX_KEPT_BODY.saturating_sub(into.len()).min(here);
                into.extend_from_slice(&self.buf[..room]);
            }
            self.buf.advance(here);
            n -= here;
        }
        Ok(())
    }

    async fn chunk_size(&mut self) -> Result<usize, Failure> {
        loop {
            match httparse::parse_chunk_size(&self.buf) {
                Ok(httparse::Status::Complete((len, size))) => {
                    self.buf.advance(len);
                    return usize::try_from(size)
                        .map_err(|_| protocol("a chunk is larger than memory".into()));
                }
                Ok(httparse::Status::Partial) if self.buf.len() > MAX_HEAD => {
                    return Err(protocol("a chunk size line never ends".into()));
                }
                Ok(httparse::Status::Partial) => {}
                Err(_) => return Err(protocol("a chunk size is not hexadecimal".into())),
            }
            if self.fill().await? == 0 {
                return Err(closed());
            }
        }
    }

    async fn expect_crlf(&mut self) -> Result<(), Failure> {
        while self.buf.len() < 2 {
            if self.fill().await? == 0 {
                return Err(closed());
            }
        }
        if &self.buf[..2] != b"\r\n" {
            return Err(protocol("a chunk does not end with CRLF".into()));
        }
        self.buf.advance(2);
        Ok(())
    }

    /// Trailer lines after the last chunk, up to the empty line.
    async fn skip_trailers(&mut self) -> Result<(), Failure> {
        loop {
            if let Some(end) = self.buf.windows(2).position(|w| w == b"\r\n") {
                self.buf.advance(end + 2);
                if end == 0 {
                    return Ok(());
                }
                continue;
            }
            if self.buf.len() > MAX_HEAD {
                return Err(protocol("the trailers never end".into()));
            }
            if self.fill().await? == 0 {
                return Err(closed());
            }
        }
    }

    /// Reads what the socket has; 0 at end of stream.
    async fn fill(&mut self) -> Result<usize, Failure> {
        if self.buf.capacity() - self.buf.len() < READ_CHUNK / 2 {
            self.buf.reserve(READ_CHUNK);
        }
        self.io.read_buf(&mut self.buf).await.map_err(io_failure)
    }
}

/// What the head says, owned (the parsed head borrows the read buffer).
struct Head {
    status: u16,
    /// 1xx (100 Continue, 103 Early Hints): the real answer follows.
    interim: bool,
    framing: Framing,
    close: bool,
    headers: Option<Headers>,
}

impl Head {
    fn of<K: FnOnce(u16) -> bool>(
        r: &httparse::Response<'_, '_>,
        keep: &mut Option<K>,
    ) -> Result<Head, Failure> {
        let status = r.code.unwrap_or(0);
        let interim = (100..200).contains(&status) && status != 101;
        let mut length = None;
        let mut chunked = false;
        // HTTP/1.0 closes unless it says keep-alive; 1.1 keeps unless it says close.
        let mut close = r.version == Some(0);
        for h in r.headers.iter() {
            if h.name.eq_ignore_ascii_case("content-length") {
                let n = std::str::from_utf8(h.value)
                    .ok()
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .ok_or_else(|| protocol("Content-Length is not a number".into()))?;
                if length.is_some_and(|l| l != n) {
                    return Err(protocol("two different Content-Length headers".into()));
                }
                length = Some(n);
            } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = h
                    .value
                    .rsplit(|&b| b == b',')
                    .next()
                    .is_some_and(|last| last.trim_ascii().eq_ignore_ascii_case(b"chunked"));
            } else if h.name.eq_ignore_ascii_case("connection") {
                for token in h.value.split(|&b| b == b',') {
                    let token = token.trim_ascii();
                    if token.eq_ignore_ascii_case(b"close") {
                        close = true;
                    } else if token.eq_ignore_ascii_case(b"keep-alive") {
                        close = false;
                    }
                }
            }
        }
        let framing = if (100..200).contains(&status) || status == 204 || status == 304 {
            Framing::None
        } else if chunked {
            Framing::Chunked
        } else if let Some(n) = length {
            Framing::Length(n)
        } else {
            Framing::UntilClose
        };
        let kept = !interim && keep.take().is_some_and(|k| k(status));
        Ok(Head {
            status,
            interim,
            framing,
            close,
            headers: kept.then(|| {
                Headers(
                    r.headers
                        .iter()
                        .map(|h| {
                            (
                                h.name.to_string(),
                                String::from_utf8_lossy(h.value).into_owned(),
                            )
                        })
                        .collect(),
                )
            }),
        })
    }
}

fn protocol(why: String) -> Failure {
    (ErrorKind::Protocol, format!("protocol: {why}"))
}

fn closed() -> Failure {
    (
        ErrorKind::Reset,
        "reset: the server closed the connection".into(),
    )
}

/// A read or write error, classified.
pub fn io_failure(e: std::io::Error) -> Failure {
    failure(io_kind(&e), e)
}

/// A failure of `kind`, said in one line that starts with the kind.
pub fn failure(kind: ErrorKind, e: impl std::fmt::Display) -> Failure {
    (kind, format!("{}: {e}", kind.name()))
}

/// What kind of failure an I/O error is.
pub fn io_kind(e: &std::io::Error) -> ErrorKind {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused | K::NotConnected | K::AddrNotAvailable => ErrorKind::Connect,
        K::TimedOut => ErrorKind::Timeout,
        K::InvalidData => ErrorKind::Protocol,
        _ => ErrorKind::Reset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::{TcpListener, TcpStream};

    /// A loopback server that reads one request per answer in `answers` and writes the answer
    /// as given, then closes; and a connection to it.
    async fn serve(answers: Vec<&'static [u8]>) -> H1<TcpStream> {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let (mut sock, _) = listener.accept().await.unwrap();
            for answer in answers {
                let mut got = Vec::new();
                while !got.ends_with(b"ping") {
                    let mut b = [0u8; 1024];
                    let n = sock.read(&mut b).await.unwrap();
                    if n == 0 {
                        return;
                    }
                    got.extend_from_slice(&b[..n]);
                }
                sock.write_all(answer).await.unwrap();
            }
        });
        H1::new(TcpStream::connect(addr).await.unwrap())
    }

    const REQUEST: &[u8] = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nping";

    async fn send(c: &mut H1<TcpStream>) -> Result<Reply, Failure> {
        c.exchange(REQUEST, |_| true).await
    }

    #[test]
    fn a_request_is_written_whole_replacing_the_last_one() {
        let mut out = b"the previous request".to_vec();
        let headers: Headers = [("X-Sig", "v1=a")].into_iter().collect();
        let target: Uri = "http://h/hook?q=1".parse().unwrap();
        write_request(&mut out, &target, b"h:8080", &headers, b"ping").unwrap();
        assert_eq!(
            out,
            b"POST /hook?q=1 HTTP/1.1\r\nHost: h:8080\r\nX-Sig: v1=a\r\nContent-Length: 4\r\n\r\nping"
        );
    }

    fn body(a: &Reply) -> &[u8] {
        &a.detail.as_ref().unwrap().1
    }

    #[tokio::test]
    async fn keep_alive_answers_by_length_and_by_chunks() {
        let mut c = serve(vec![
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-A: 1\r\n\r\nok",
            b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nTrailer: t\r\n\r\n",
            b"HTTP/1.1 204 No Content\r\n\r\n",
        ])
        .await;
        let a = send(&mut c).await.unwrap();
        assert_eq!((a.status, body(&a)), (200, &b"ok"[..]));
        let headers = &a.detail.as_ref().unwrap().0;
        assert_eq!(headers.get("x-a"), Some("1"));
        let a = send(&mut c).await.unwrap();
        assert_eq!((a.status, body(&a)), (201, &b"abcde"[..]));
        let a = send(&mut c).await.unwrap();
        assert_eq!((a.status, body(&a)), (204, &b""[..]));
        assert!(c.is_open());
    }

    #[tokio::test]
    async fn interim_answers_are_skipped_and_close_is_honoured() {
        let mut c = serve(vec![
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nk",
        ])
        .await;
        let a = send(&mut c).await.unwrap();
        assert_eq!((a.status, body(&a)), (200, &b"k"[..]));
        assert!(!c.is_open(), "Connection: close ends the connection");
    }

    #[tokio::test]
    async fn a_body_without_length_runs_to_the_close() {
        let mut c = serve(vec![b"HTTP/1.0 500 Oops\r\n\r\nuntil the end"]).await;
        let a = send(&mut c).await.unwrap();
        assert_eq!((a.status, body(&a)), (500, &b"until the end"[..]));
        assert!(!c.is_open());
    }

    #[tokio::test]
    async fn the_detail_is_read_only_when_asked() {
        let mut c = serve(vec![b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"]).await;
        let a = c.exchange(REQUEST, |s| s != 200).await.unwrap();
        assert_eq!(a.status, 200);
        assert!(a.detail.is_none());
    }

    #[tokio::test]
    async fn broken_answers_are_classified() {
        let mut c = serve(vec![b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"]).await;
        let (kind, why) = send(&mut c).await.err().unwrap();
        assert_eq!(kind, ErrorKind::Reset, "{why}");
        assert!(!c.is_open());

        let mut c = serve(vec![b"SMTP ready\r\n\r\n"]).await;
        let (kind, why) = send(&mut c).await.err().unwrap();
        assert_eq!(kind, ErrorKind::Protocol, "{why}");

        let mut c = serve(vec![b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"]).await;
        let (kind, why) = send(&mut c).await.err().unwrap();
        assert_eq!(kind, ErrorKind::Protocol, "{why}");
        assert!(why.contains("Content-Length"), "{why}");

        let mut c = serve(vec![
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        ])
        .await;
        let (kind, why) = send(&mut c).await.err().unwrap();
        assert_eq!(kind, ErrorKind::Protocol, "{why}");

        // Answered nothing and closed.
        let mut c = serve(vec![b""]).await;
        let (kind, _) = send(&mut c).await.err().unwrap();
        assert_eq!(kind, ErrorKind::Reset);
    }
}
