package dev.sequor.run;

import dev.sequor.http.SecretSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output or error of a run with every known secret masked. Works line by line, because a secret
 * printed in pieces (a snippet's {@code print(a, b)}) is only recognisable once the line is whole; a partial
 * line is masked and passed on when the stream is flushed.
 */
final class RedactingOutputStream extends OutputStream {

    private final OutputStream inner;
    private final SecretSet secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingOutputStream(OutputStream inner, SecretSet secrets) {
        this.inner = inner;
        this.secrets = secrets;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        inner.write(secrets.mask(text).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        inner.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }
}
