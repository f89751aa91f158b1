"""The DynamoDB emulator of the tests and the sample: moto's DynamoDB, one request at a time.

moto (Apache-2.0) speaks DynamoDB's wire protocol. Its stock `moto_server` runs Werkzeug
threaded, and moto checks a write's condition apart from the write it guards: two threads can
both pass `ver = :v` and both write, so an acknowledged conditional write can be lost (measured:
960 acknowledged increments, 958 stored). The tests of concurrency and of no resurrection mean
nothing on such a store.

This launcher serves the same WSGI application behind one lock: a request's body is read first
(outside the lock, so a slow sender blocks nobody), then moto handles the whole request, check
and write together, while no other request runs, and the response is sent after the lock is
released. moto keeps all its state in this process and changes it only while handling a request,
so one request at a time is every request atomic. Connections are still accepted and kept alive
by many threads, as a real endpoint's would be.

    python3 tools/dynamodb_emulator.py --port 8000 [--port-file FILE] [--verbose]

It listens on 127.0.0.1 only. --port 0 takes a free port; --port-file receives the port once
the server listens. SIGTERM or SIGINT stops it.
"""

import argparse
import io
import os
import signal
import sys
import threading
from importlib.metadata import version

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import WSGIRequestHandler, make_server


class Serialized:
    """WSGI middleware: the wrapped application handles one request at a time."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        environ["wsgi.input"] = io.BytesIO(read_body(environ))
        environ["CONTENT_LENGTH"] = str(len(environ["wsgi.input"].getvalue()))
        with self.lock:
            result = self.app(environ, start_response)
            try:
                chunks = list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        return chunks


def read_body(environ):
    stream = environ["wsgi.input"]
    if environ.get("wsgi.input_terminated"):
        return stream.read()
    length = environ.get("CONTENT_LENGTH") or "0"
    return stream.read(int(length)) if length.isdigit() else b""


class QuietHandler(WSGIRequestHandler):
    """Werkzeug logs every request; a test run makes tens of thousands."""

    def log_request(self, *args, **kwargs):
        pass


def create_app(service):
    # moto turns Flask's debug mode on; off, each call costs about a fifth less
    app = create_backend_app(service)
    app.debug = False
    return app


def main():
    parser = argparse.ArgumentParser(description="moto's DynamoDB on 127.0.0.1, requests serialized")
    parser.add_argument("--port", type=int, required=True, help="port to listen on; 0 for a free one")
    parser.add_argument("--port-file", help="file that receives the port once the server listens")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args()

    app = Serialized(DomainDispatcherApplication(create_app))
    handler = WSGIRequestHandler if args.verbose else QuietHandler
    server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=handler)
    server.daemon_threads = True

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    port = server.server_port
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as out:
            out.write(f"{port}\n")
        os.replace(args.port_file + ".tmp", args.port_file)
    print(f"DynamoDB emulator (moto {version('moto')}, requests serialized) on http://127.0.0.1:{port}",
          flush=True)
    server.serve_forever()
    print("DynamoDB emulator stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
