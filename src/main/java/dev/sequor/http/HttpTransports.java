package dev.sequor.http;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/** The transports a run can use; which one is chosen by {@code --record} and {@code --replay}. */
public final class HttpTransports {

    private HttpTransports() {
    }

    /** Over the network. */
    public static HttpTransport live() {
        return new LiveTransport();
    }

    /** Through {@code inner}, writing each exchange into {@code dir} with the secrets known at that moment hidden. */
    public static HttpTransport recording(HttpTransport inner, Path dir, Supplier<Set<String>> secrets) {
        return new RecordingTransport(inner, dir, secrets);
    }

    /** Through {@code inner}, printing each exchange to {@code trace} with credentials hidden. */
    public static HttpTransport tracing(HttpTransport inner, PrintStream trace, Supplier<Set<String>> secrets) {
        return new TracingTransport(inner, trace, secrets);
    }

    /** From the recordings in {@code dir}, never the network. */
    public static HttpTransport replay(Path dir, Supplier<Set<String>> secrets) {
        return new ReplayTransport(dir, secrets);
    }
}
