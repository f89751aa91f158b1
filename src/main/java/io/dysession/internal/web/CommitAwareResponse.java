package io.dysession.internal.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Runs a callback once, just before anything can commit the response: flush, close, redirect,
 * error, a full buffer or a body that reaches its declared length. Headers can still be added then.
 */
public final class CommitAwareResponse extends HttpServletResponseWrapper {

    private final Runnable beforeCommit;
    private boolean called;
    private long contentLength = -1;
    private long written;
    private ServletOutputStream stream;
    private PrintWriter writer;

    public CommitAwareResponse(HttpServletResponse response, Runnable beforeCommit) {
        super(response);
        this.beforeCommit = beforeCommit;
    }

    /** From now on only passes calls through: the callback will not run. */
    public void disarm() {
        called = true;
    }

    void beforeCommit() {
        if (!called && !isCommitted()) {
            called = true;
            beforeCommit.run();
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeCommit();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeCommit();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        super.flushBuffer();
    }

    @Override
    public void setContentLength(int len) {
        contentLength = len;
        super.setContentLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        contentLength = len;
        super.setContentLengthLong(len);
    }

    @Override
    public void setHeader(String name, String value) {
        recordContentLength(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        recordContentLength(name, value);
        super.addHeader(name, value);
    }

    @Override
    public void reset() {
        written = 0;
        contentLength = -1;
        super.reset();
    }

    @Override
    public void resetBuffer() {
        written = 0;
        super.resetBuffer();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new GuardedStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new GuardedWriter(super.getWriter(), maxBytesPerChar()));
        }
        return writer;
    }

    private void recordContentLength(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name) && value != null) {
            try {
                contentLength = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                contentLength = -1;
            }
        }
    }

    // Called before the bytes go out, so that the callback runs while headers can still be set.
    private void written(long bytes) {
        written += bytes;
        int bufferSize = getBufferSize();
        if ((contentLength >= 0 && written >= contentLength) || (bufferSize > 0 && written >= bufferSize)) {
            beforeCommit();
        }
    }

    private float maxBytesPerChar() {
        try {
            return Charset.forName(getCharacterEncoding()).newEncoder().maxBytesPerChar();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | UnsupportedOperationException e) {
            return 4;
        }
    }

    private final class GuardedStream extends ServletOutputStream {

        private final ServletOutputStream delegate;

        GuardedStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            written(1);
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written(len);
            delegate.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            beforeCommit();
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            beforeCommit();
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }

    private final class GuardedWriter extends Writer {

        private final PrintWriter delegate;
        private final float maxBytesPerChar;

        GuardedWriter(PrintWriter delegate, float maxBytesPerChar) {
            this.delegate = delegate;
            this.maxBytesPerChar = maxBytesPerChar;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            written((long) Math.ceil(len * maxBytesPerChar));
            delegate.write(chars, off, len);
        }

        @Override
        public void write(String text, int off, int len) {
            written((long) Math.ceil(len * maxBytesPerChar));
            delegate.write(text, off, len);
        }

        @Override
        public void flush() {
            beforeCommit();
            delegate.flush();
        }

        @Override
        public void close() {
            beforeCommit();
            delegate.close();
        }
    }
}
