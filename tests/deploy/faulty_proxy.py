"""A TCP relay on loopback between the app and PostgreSQL that a test can break: refuse
connections (the database is down) or accept them and never answer (the host is silent)."""

import selectors
import socket
import threading


class FaultyProxy:
    FORWARD, REFUSE, SILENT = "forward", "refuse", "silent"

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.mode = self.FORWARD
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def set_mode(self, mode):
        """Change what new connections meet; a fault also cuts the connections already open."""
        self.mode = mode
        if mode != self.FORWARD:
            for connection in self.connections:
                connection.close()
            self.connections.clear()

    def _accept(self):
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == self.REFUSE:
                client.close()
            elif self.mode == self.SILENT:
                self.connections.append(client)  # held open, never answered
            else:
                upstream = socket.create_connection(self.target)
                self.connections += [client, upstream]
                threading.Thread(target=self._relay, args=(client, upstream), daemon=True).start()

    def _relay(self, client, upstream):
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while True:
                for key, _ in selector.select(timeout=1):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            client.close()
            upstream.close()

    def close(self):
        self._stop.set()
        self.listener.close()
        self.set_mode(self.REFUSE)
