"""A real uvicorn server for the tests, on a thread of its own, on 127.0.0.1.

``ReceiverThread(app)`` serves any ASGI application (e.g. ``kiosk.hq.app.create_app``): on a
free port, or the one given; ``start()`` returns once it accepts connections, ``stop()`` once it
has shut down, and ``restart()`` brings it back on the same port, as a receiver restarted in the
middle of a sync would. It is also a context manager (start, then stop).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp

START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 10.0


class ReceiverThread:
    def __init__(
        self,
        app: ASGIApp,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        ssl_certfile: Path | None = None,
        ssl_keyfile: Path | None = None,
    ) -> None:
        self.app = app
        self.host = host
        self.ssl = {"ssl_certfile": ssl_certfile, "ssl_keyfile": ssl_keyfile}
        self.port = port  # 0: a free one, chosen at the first start and kept for restarts
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        scheme = "http" if self.ssl["ssl_certfile"] is None else "https"
        return f"{scheme}://{self.host}:{self.port}"

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("The receiver is already running.")
        # Bound here rather than by uvicorn: the port is known (and held) before the thread runs.
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            # A restart binds the port again while connections of the last run are in TIME_WAIT.
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self.port))
            listener.listen()
        except OSError:
            listener.close()
            raise
        self.port = listener.getsockname()[1]
        config = uvicorn.Config(
            self.app, log_level="warning", lifespan="on", timeout_graceful_shutdown=5, **self.ssl
        )
        server = uvicorn.Server(config)
        self._failure = None
        thread = threading.Thread(
            target=self._serve, args=(server, listener), name=f"receiver:{self.port}", daemon=True
        )
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                thread.join(STOP_TIMEOUT_S)
                listener.close()
                raise RuntimeError(f"The receiver did not start on {self.url}.") from self._failure
            time.sleep(0.005)
        self._server, self._thread = server, thread

    def _serve(self, server: uvicorn.Server, listener: socket.socket) -> None:
        try:
            server.run(sockets=[listener])  # uvicorn closes the socket when it shuts down
        except (Exception, SystemExit) as error:  # SystemExit: uvicorn's failed start-up
            self._failure = error
        finally:
            listener.close()

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(STOP_TIMEOUT_S)
        stuck = self._thread.is_alive()
        self._server = self._thread = None
        if stuck:
            raise RuntimeError(f"The receiver on {self.url} did not stop.")
        if self._failure is not None:
            raise RuntimeError(f"The receiver on {self.url} failed.") from self._failure

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> ReceiverThread:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
