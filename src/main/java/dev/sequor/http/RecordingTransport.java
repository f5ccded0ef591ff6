package dev.sequor.http;

import dev.sequor.error.SequorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Sends every request through another transport and writes the exchange to a folder, one numbered file
 * per exchange, secrets redacted. Numbers continue after the recordings already there, so recording
 * several flows into one folder keeps all of them.
 */
final class RecordingTransport implements HttpTransport {

    private final HttpTransport inner;
    private final Path dir;
    private final Supplier<SecretRedactor> redactor;
    private int sequence = -1;

    RecordingTransport(HttpTransport inner, Path dir, Supplier<SecretRedactor> redactor) {
        this.inner = inner;
        this.dir = dir;
        this.redactor = redactor;
    }

    @Override
    public HttpResponseData send(HttpRequestData request) throws IOException {
        HttpResponseData response = inner.send(request);
        try {
            write(request, response);
        } catch (IOException e) {
            // A local failure, not the request's: reported as such, so the request is not sent again for it.
            throw SequorException.failed(null, "Cannot write the recording of " + request.method() + " "
                    + redactor.get().text(request.uri().toString()) + " to " + dir + ": " + e.getMessage(), e);
        }
        return response;
    }

    private synchronized void write(HttpRequestData request, HttpResponseData response) throws IOException {
        if (sequence < 0) {
            Files.createDirectories(dir);
            sequence = highestNumber() + 1;
        }
        SecretRedactor redactor = this.redactor.get();
        Path file = dir.resolve(Recording.fileName(sequence++, request));
        Recording.JSON.writeValue(file.toFile(), Recording.exchange(request, response, redactor));
    }

    private int highestNumber() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4,}-.*\\.json"))
                    .mapToInt(n -> Integer.parseInt(n.substring(0, n.indexOf('-'))))
                    .max().orElse(0);
        }
    }

    @Override
    public boolean reachesNetwork() {
        return inner.reachesNetwork();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public void prepare() {
        inner.prepare();
    }

    @Override
    public void expectTls(boolean likely) {
        inner.expectTls(likely);
    }
}
