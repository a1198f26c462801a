"""``draftkit serve``: a live preview of documents in the browser while they are written.

Built on the standard library's :class:`http.server.ThreadingHTTPServer` and server-sent
events rather than an ASGI stack (Starlette + uvicorn): the preview has one user on one
machine, so a thread per connection costs nothing, and updates only ever go from the
server to the page, which is what SSE is (a websocket's other direction would go unused).
No dependency is added for it; ``watchfiles`` (inotify, FSEvents) tells it what changed.

Security: the server binds 127.0.0.1 only, answers fixed routes (the page, its event
stream, and ``/download/<lang>/<name>.<format>``, whose parts only select among the
documents shown) and reads nothing from disk by a path taken from a request, so ``..``,
encoded dots and symlinks have nothing to reach; a request whose Host header is not
``127.0.0.1:PORT`` or ``localhost:PORT`` is refused (DNS rebinding); every response
carries a Content-Security-Policy that allows the page's own script (by nonce) and
nothing from elsewhere.
"""

from draftkit.serve.preview import Preview
from draftkit.serve.server import PreviewServer

__all__ = ["Preview", "PreviewServer"]
