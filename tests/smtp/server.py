"""A loopback SMTP server for hookctl's tests, on Debian's python3-aiosmtpd.

Usage: server.py CERT KEY USER PASSWORD MODE REFUSE
  MODE    starttls (STARTTLS required before AUTH), tls (TLS from the first byte) or plain
          (no TLS offered at all, AUTH in the clear)
  REFUSE  how many messages to answer 451 (try again later) before accepting

It binds 127.0.0.1 on a free port and prints one JSON line per event on stdout: ready (the
port), starttls, auth (mechanism, whether it succeeded, whether TLS was up), message (envelope,
decoded headers and plain-text body, TLS and authentication), refused and closed.
"""

import asyncio
import email
import email.policy
import json
import socket
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

cert, key, user, password, mode, refuse = sys.argv[1:7]
refuse = int(refuse)

context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)


def say(**fields):
    print(json.dumps(fields), flush=True)


def over_tls(server):
    return server.transport.get_extra_info("ssl_object") is not None


class Handler:
    def __init__(self):
        self.refused = 0

    def handle_STARTTLS(self, server, session, envelope):
        say(event="starttls")
        return True

    async def handle_DATA(self, server, session, envelope):
        if self.refused < refuse:
            self.refused += 1
            say(event="refused")
            return "451 4.3.0 Try again later"
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        say(
            event="message",
            mail_from=envelope.mail_from,
            rcpt_tos=envelope.rcpt_tos,
            subject=str(msg["subject"]),
            to=str(msg["to"]),
            sender=str(msg["from"]),
            content_type=msg.get_content_type(),
            body=body.get_content() if body is not None else "",
            tls=over_tls(server),
            authenticated=bool(session.authenticated),
        )
        return "250 2.0.0 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login.decode() == user
        and auth_data.password.decode() == password
    )
    say(event="auth", mechanism=mechanism, ok=ok, tls=over_tls(server))
    return AuthResult(success=ok)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
handler = Handler()


class Recorder(SMTP):
    """Says when a client's connection ends, so a test knows the session is over."""

    def connection_lost(self, exc):
        say(event="closed")
        super().connection_lost(exc)


def factory():
    return Recorder(
        handler,
        hostname="localhost",
        tls_context=context if mode == "starttls" else None,
        require_starttls=mode == "starttls",
        authenticator=authenticator,
        auth_required=True,
        # With TLS from the first byte aiosmtpd does not know the session is encrypted; plain
        # offers AUTH in the clear, as a careless server would.
        auth_require_tls=mode == "starttls",
        loop=loop,
    )


sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(("127.0.0.1", 0))
sock.listen(16)
server = loop.run_until_complete(
    loop.create_server(factory, sock=sock, ssl=context if mode == "tls" else None)
)
say(event="ready", port=sock.getsockname()[1])
loop.run_forever()
