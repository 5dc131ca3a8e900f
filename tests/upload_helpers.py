"""A large upload made as it is read: a multipart body whose file part is generated chunk by chunk, so a
test or a bench can send 300 MB without holding 300 MB itself; and the request sent through Django's own
handler (every middleware, the view) with the client's session."""

from django.test import Client, RequestFactory
from django.test.client import ClientHandler

BOUNDARY = "----fazhi-upload-boundary"


def _field(name: str, value: str) -> bytes:
    return f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()


class GeneratedBody:
    """The body of a form post: ``before`` fields, a file of ``file_size`` bytes of text, ``after`` fields."""

    def __init__(self, before: dict, filename: str, file_size: int, after: dict):
        self.head = (
            b"".join(_field(k, str(v)) for k, v in before.items())
            + (
                f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                "Content-Type: text/plain\r\n\r\n"
            ).encode()
        )
        self.tail = (
            b"\r\n" + b"".join(_field(k, str(v)) for k, v in after.items()) + f"--{BOUNDARY}--\r\n".encode()
        )
        self.file_size = file_size
        self.length = len(self.head) + file_size + len(self.tail)
        self.position = 0
        # 64 bytes a line: a file of whole megabytes ends at the end of a line, not inside a character.
        self.line = "黔江区城西街道法治政府建设工作情况。".encode().ljust(63) + b"\n"

    def read(self, size: int = -1) -> bytes:
        remaining = self.length - self.position
        size = remaining if size is None or size < 0 else min(size, remaining)
        out = bytearray()
        while len(out) < size:
            at = self.position + len(out)
            if at < len(self.head):
                out += self.head[at : at + size - len(out)]
            elif at < len(self.head) + self.file_size:
                offset = (at - len(self.head)) % len(self.line)
                room = min(size - len(out), len(self.head) + self.file_size - at)
                repeated = self.line[offset:] + self.line * (room // len(self.line) + 1)
                out += repeated[:room]
            else:
                tail_at = at - len(self.head) - self.file_size
                out += self.tail[tail_at : tail_at + size - len(out)]
        self.position += len(out)
        return bytes(out)

    def readline(self, size: int = -1) -> bytes:  # part of the WSGI input interface; multipart never asks
        raise NotImplementedError


def post_generated(client: Client, path: str, body: GeneratedBody):
    """Posts ``body`` to ``path`` through Django's handler with ``client``'s cookies, as a WSGI server would
    hand it over: read from the connection as the request asks for it."""
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    environ = RequestFactory()._base_environ(
        PATH_INFO=path,
        REQUEST_METHOD="POST",
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(body.length),
        HTTP_COOKIE=cookies,
        **{"wsgi.input": body},
    )
    return ClientHandler(enforce_csrf_checks=False)(environ)
