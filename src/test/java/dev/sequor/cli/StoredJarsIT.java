package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hubspot.jinjava.Jinjava;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;

/**
 * The package step rewrites quarkus-app's jars with stored entries, so a run reads its classes without inflating
 * them (src/aot/StoreJarEntries.java; docs/decisions.md, "Jars with stored entries"). Checks the result against
 * the jars the build resolved (the test class path holds the originals): same entries in the same order with the
 * same bytes, now stored, but for the Java 5 class files rewritten for the AOT cache; a jar with large other content
 * left deflated.
 *
 * <p>An integration test (failsafe, after {@code package}), because it needs {@code target/quarkus-app}.
 */
class StoredJarsIT {

    private static final Path LIB_MAIN = StartupClassesIT.LAUNCHER.resolveSibling("quarkus-app").resolve("lib")
            .resolve("main");

    @Test
    void aLibraryJarHoldsTheSameEntriesStored() throws Exception {
        Path original = Path.of(Jinjava.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packaged = LIB_MAIN.resolve("com.hubspot.jinjava." + original.getFileName());
        List<String> originalEntries = describe(original);
        List<String> packagedEntries = describe(packaged);
        assertThat(packagedEntries).hasSize(originalEntries.size()).hasSizeGreaterThan(500);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < originalEntries.size(); i++) {
            String name = originalEntries.get(i).substring(0, originalEntries.get(i).indexOf(' '));
            assertThat(packagedEntries.get(i)).as("entry %d", i).startsWith(name + " ");
            if (!packagedEntries.get(i).equals(originalEntries.get(i))) {
                changed.add(name);
            }
        }
        // only the Java 5 class files the AOT cache could not hold, now version 52 (src/aot/CacheableClasses.java)
        if (Runtime.version().feature() >= 25) {
            assertThat(changed).hasSizeGreaterThan(100).allMatch(n -> n.startsWith("jinjava/de/odysseus/el/")
                    || n.startsWith("jinjava/javax/el/"));
            for (String name : changed) {
                assertThat(majorVersion(original, name)).as(name).isLessThan(50);
                assertThat(majorVersion(packaged, name)).as(name).isEqualTo(52);
            }
        } else {
            assertThat(changed).isEmpty();
        }
        try (ZipFile zip = new ZipFile(packaged.toFile())) {
            assertThat(Collections.list(zip.entries())).allMatch(e -> e.getMethod() == ZipEntry.STORED);
        }
        try (ZipFile zip = new ZipFile(original.toFile())) {
            assertThat(Collections.list(zip.entries())).anyMatch(e -> e.getMethod() == ZipEntry.DEFLATED);
        }
    }

    /** DuckDB's jar carries other platforms' native libraries (over 100 MB unpacked): storing them would not pay. */
    @Test
    void aJarWithLargeResourcesStaysDeflated() throws Exception {
        Path original = Path.of(DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ZipFile zip = new ZipFile(LIB_MAIN.resolve("org.duckdb." + original.getFileName()).toFile())) {
            assertThat(Collections.list(zip.entries())).anyMatch(e -> e.getMethod() == ZipEntry.DEFLATED);
        }
    }

    private static int majorVersion(Path jar, String entry) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile()); var in = zip.getInputStream(zip.getEntry(entry))) {
            byte[] head = in.readNBytes(8);
            return ((head[6] & 0xff) << 8) | (head[7] & 0xff);
        }
    }

    /** Each entry as "name size crc", in the jar's order. */
    private static List<String> describe(Path jar) throws Exception {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.add(e.getName() + " " + e.getSize() + " " + Long.toHexString(e.getCrc()));
            }
        }
        return entries;
    }
}
