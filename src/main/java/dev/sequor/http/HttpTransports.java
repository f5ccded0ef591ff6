package dev.sequor.http;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The transports a run can use; which one is chosen by {@code --record} and {@code --replay}. */
public final class HttpTransports {

    private HttpTransports() {
    }

    /** Over the network. */
    public static HttpTransport live() {
        return new LiveTransport();
    }

    /** Through {@code inner}, writing each exchange into {@code dir} masked by {@code redactor} (the run's, as it stands at each exchange). */
    public static HttpTransport recording(HttpTransport inner, Path dir, Supplier<SecretRedactor> redactor) {
        return new RecordingTransport(inner, dir, redactor);
    }

    /** Through {@code inner}, printing each exchange to {@code trace} with credentials hidden. */
    public static HttpTransport tracing(HttpTransport inner, PrintStream trace, Supplier<SecretRedactor> redactor) {
        return new TracingTransport(inner, trace, redactor);
    }

    /** From the recordings in {@code dir}, never the network. */
    public static HttpTransport replay(Path dir, Supplier<SecretRedactor> redactor) {
        return new ReplayTransport(dir, redactor);
    }
}
