"""A small SMTP server on loopback that keeps every message it receives, and can hold back
its answer to one of them, so a test can kill the sender between "message received" and
"250 OK"."""

import socketserver
import threading
from email import message_from_bytes


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 test ESMTP")
        while line := self.rfile.readline():
            command = line[:4].upper()
            if command == b"DATA":
                self.reply("354 Go ahead")
                if self.server.keep(self.read_data()) == self.server.hold:
                    self.server.released.wait(timeout=30)
                try:
                    self.reply("250 Queued")
                except OSError:  # the sender died while we waited: it never got the answer
                    return
            elif command == b"QUIT":
                self.reply("221 Bye")
                return
            else:  # EHLO, MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 OK")

    def read_data(self):
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)


class FakeSMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, hold=None):
        """`hold`: the number of the message (1 for the first) whose "250 OK" waits until the
        server stops."""
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.hold = hold
        self.released = threading.Event()
        self.received = []
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)

    @property
    def port(self):
        return self.server_address[1]

    def keep(self, data):
        with self.changed:
            self.received.append(message_from_bytes(data))
            self.changed.notify_all()
            return len(self.received)

    def wait_for(self, count, timeout):
        """Block until `count` messages have arrived; False on timeout."""
        with self.changed:
            return self.changed.wait_for(lambda: len(self.received) >= count, timeout)

    def message_ids(self):
        with self.lock:
            return [message["Message-ID"] for message in self.received]

    def __enter__(self):
        # A short poll: `shutdown()` on exit waits for the loop's next turn.
        threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc_info):
        self.released.set()
        self.shutdown()
        self.server_close()
