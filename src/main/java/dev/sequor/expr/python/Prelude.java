package dev.sequor.expr.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;

/**
 * Loads Sequor's prelude ({@code sequor_prelude.py}) into a context's {@code __main__}.
 *
 * <p>With a bytecode cache folder, the prelude is copied to {@code CACHE/prelude/HASH/sequor_prelude.py} and run
 * from there through Python's own source loader, so that its bytecode is cached like the stdlib's and later runs
 * skip parsing it (a third of loading it, see docs/decisions.md). The folder is named after the content, so a
 * new Sequor version never meets a stale copy, and the copy is never rewritten (its bytecode stays valid; the
 * cache never replaces a .pyc). Without a cache folder, or when the copy cannot be written, it is evaluated from
 * the class path as before.
 */
final class Prelude {

    private static final String NAME = "sequor_prelude.py";
    private static final FileTime SOURCE_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    /** Runs the cached module's code object in {@code __main__}, exactly as evaluating its source would. */
    private static final String LOAD_CACHED = "(lambda path: exec(__import__('_frozen_importlib_external')"
            + ".SourceFileLoader('sequor_prelude', path).get_code('sequor_prelude'), globals()))";

    private Prelude() {
    }

    static void load(Context context, Path bytecodeCache) {
        String text = text();
        Path copy = bytecodeCache == null ? null : copy(text, bytecodeCache);
        if (copy != null) {
            context.eval("python", LOAD_CACHED).execute(copy.toString());
        } else {
            context.eval(Source.newBuilder("python", text, NAME).buildLiteral());
        }
    }

    /** The prelude's file in the cache folder, written once per content; null when it cannot be written. */
    private static Path copy(String text, Path bytecodeCache) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = bytecodeCache.resolve("prelude").resolve(sha256(bytes).substring(0, 16)).resolve(NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), NAME, ".tmp");
                try {
                    Files.write(temp, bytes);
                    // a fixed time: a .pyc is checked against its source's time and size, and two runs racing to
                    // publish the same content must not invalidate the bytecode the first one wrote
                    Files.setLastModifiedTime(temp, SOURCE_TIME);
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Arrays.equals(Files.readAllBytes(file), bytes) ? file : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null; // e.g. a read-only cache: evaluate the source instead
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text() {
        try (InputStream in = Prelude.class.getResourceAsStream(NAME)) {
            if (in == null) {
                throw new IllegalStateException("Sequor's Python prelude " + NAME + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
