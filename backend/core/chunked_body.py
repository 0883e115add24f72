"""A chunked request body is measured against MAX_CONTENT_LENGTH as a sized one is."""
import io


class SizedChunkedBody:
    """WSGI middleware: a body sent with Transfer-Encoding: chunked is read, up to one byte
    past the limit, and handed on as a body of the length it turned out to have.

    werkzeug stops reading a chunked body at the limit and hands on what it read, so a body
    over the limit arrived cut short and was refused as malformed JSON; with a
    Content-Length over the limit, werkzeug answers 413, whatever the view.
    """

    def __init__(self, wsgi_app, max_length):
        self.wsgi_app = wsgi_app
        self.max_length = max_length

    def __call__(self, environ, start_response):
        if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower() and not environ.get("CONTENT_LENGTH"):
            body = environ["wsgi.input"].read(self.max_length + 1)
            # werkzeug ignores Content-Length while Transfer-Encoding says chunked.
            del environ["HTTP_TRANSFER_ENCODING"]
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.wsgi_app(environ, start_response)
