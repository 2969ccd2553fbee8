"""A TCP proxy on loopback that forwards to a server and can cut the connection after a
given number of bytes from the server: how tests interrupt a sync mid-FETCH."""

from __future__ import annotations

import contextlib
import dataclasses
import select
import socket
import threading

from mssclient.transport.accounts import Account, ServerSettings


class CuttingProxy:
    """Accepts on 127.0.0.1:<free port>; each connection is forwarded to ``target``.

    ``cut_after`` (bytes from server to client, per connection; None = never) closes both
    sides abruptly once reached, like a network failure in the middle of a response.
    """

    def __init__(self, target: tuple[str, int], cut_after: int | None = None) -> None:
        self.target = target
        self.cut_after = cut_after
        self.cuts = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept_thread = threading.Thread(target=self._accept, daemon=True)
        self._accept_thread.start()

    def via(self, account: Account) -> Account:
        """The same account, its IMAP connections going through this proxy."""
        imap = ServerSettings("127.0.0.1", self.port, account.imap.security)
        return dataclasses.replace(account, imap=imap)

    def _accept(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._pipe, args=(client,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _pipe(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.target, timeout=5)
        except OSError:
            client.close()
            return
        sent = 0
        try:
            while not self._stop.is_set():
                ready, _, _ = select.select([client, server], [], [], 0.2)
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if sock is server:
                        limit = self.cut_after
                        if limit is not None and sent + len(data) >= limit:
                            client.sendall(data[: max(limit - sent, 0)])
                            self.cuts += 1
                            return
                        sent += len(data)
                        client.sendall(data)
                    else:
                        server.sendall(data)
        except OSError:
            return
        finally:
            for sock in (client, server):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        self._accept_thread.join(5)
        for thread in self._threads:
            thread.join(5)

    def __enter__(self) -> CuttingProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
