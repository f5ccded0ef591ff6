import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the jars of a Quarkus fast-jar folder ({@code target/quarkus-app}) with their entries stored instead of
 * deflated, so that a run reads its classes without inflating them (docs/decisions.md, "Jars with stored
 * entries"). Run by the build after the application is packaged and before the AOT cache is trained
 * ({@code java src/aot/StoreJarEntries.java QUARKUS_APP_DIR}).
 *
 * <p>Quarkus's {@code RunnerClassLoader} reads every class it defines out of its jar, even when the JDK AOT cache
 * then takes the class from the cache (it matches a custom loader's classes by their bytes), and inflating them was
 * 14% of the CPU samples of a 20,000-record DuckDB ingest. Jars whose other content is large (DuckDB's native
 * libraries, GraalPy's Python home, ICU data, the shaded Snowflake driver) stay as they are: their classes are few
 * or load only for the flows that need them, and storing them would grow the install by hundreds of MB.
 *
 * <p>Entries, their order and their bytes stay the same (so signed jars stay valid); a jar that is already stored,
 * or holds the same name twice, is left alone. Running it twice changes nothing.
 */
public class StoreJarEntries {

    /** A jar whose entries other than classes come to more than this (uncompressed) is left deflated. */
    private static final long MAX_OTHER_BYTES = 8L << 20;

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args.length > 0 ? args[0] : "target/quarkus-app");
        List<Path> jars = new ArrayList<>();
        for (String folder : List.of("lib/main", "lib/boot", "app")) {
            Path dir = app.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(jars::add);
                }
            }
        }
        long t0 = System.nanoTime();
        List<Path> rewritten = Collections.synchronizedList(new ArrayList<>());
        AtomicLong grown = new AtomicLong();
        jars.parallelStream().forEach(jar -> {
            try {
                long before = Files.size(jar);
                if (rewrite(jar)) {
                    rewritten.add(jar);
                    grown.addAndGet(Files.size(jar) - before);
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not rewrite " + jar + ": " + e, e);
            }
        });
        System.out.printf("[jars] stored the entries of %d of %d jars (+%d MB) in %.1f s%n", rewritten.size(),
                jars.size(), grown.get() >> 20, (System.nanoTime() - t0) / 1e9);
    }

    /** Rewrites one jar with stored entries; false when it is left as it is. */
    private static boolean rewrite(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            long other = 0;
            boolean deflated = false;
            Set<String> names = new HashSet<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!names.add(e.getName())) {
                    return false;
                }
                deflated |= e.getMethod() == ZipEntry.DEFLATED;
                if (!e.getName().endsWith(".class")) {
                    other += Math.max(e.getSize(), 0);
                }
            }
            if (!deflated || other > MAX_OTHER_BYTES) {
                return false;
            }
            Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    byte[] data;
                    try (InputStream in = zip.getInputStream(e)) {
                        data = in.readAllBytes();
                    }
                    out.putNextEntry(stored(e, data));
                    out.write(data);
                    out.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    /** {@code e} holding {@code data}, stored, with e's time, extra field and comment (also used by CacheableClasses). */
    static ZipEntry stored(ZipEntry e, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry stored = new ZipEntry(e.getName());
        stored.setMethod(ZipEntry.STORED);
        stored.setSize(data.length);
        stored.setCompressedSize(data.length);
        stored.setCrc(crc.getValue());
        stored.setTime(e.getTime());
        stored.setExtra(e.getExtra());
        stored.setComment(e.getComment());
        return stored;
    }
}
