import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites, in the application's jars, the class files the JDK's AOT cache cannot hold: those older than class-file
 * version 50 (Java 6), which carry no stack map frames and need the JVM's old verifier, so the cache leaves them out
 * and every run loads and verifies them from their jar (docs/decisions.md, "Old class files made cacheable").
 * picocli 4.7 is Java 5 bytecode throughout, and so is the expression engine Jinjava shades (de.odysseus.el,
 * javax.el): the command line of every command, and the expressions of every template.
 *
 * <p>Each such class gets version 52 (Java 8) and the stack map frames the JDK's Class-File API computes; its code,
 * constants and attributes are otherwise the same. A class the API cannot rewrite, or whose result its verifier
 * refuses, is left as it was: it only stays out of the cache. Only jars whose entries are stored are rewritten, entry
 * by entry in their order, stored: {@code StoreJarEntries} stores the class-heavy jars, and leaves deflated those with
 * large other content (DuckDB's and GraalPy's, the shaded Snowflake driver), which would take seconds of every build
 * to compress again and whose classes load only for the flows that use them. Signed jars are left alone (a changed
 * class would break the signature). A jar with nothing to rewrite is not touched, so running this again changes
 * nothing.
 *
 * <p>Run by {@code TrainAot} before its training run, on JDK 25 (the Class-File API is final since 24):
 * {@code java src/aot/CacheableClasses.java LIB_DIR}, LIB_DIR being {@code quarkus-app/lib/main}; the launcher
 * compiles {@code StoreJarEntries.java} beside it for the entries it writes (JDK 22's multi-file source programs).
 */
public class CacheableClasses {

    /** The first class-file version whose classes must carry stack map frames, which the AOT cache needs. */
    private static final int FIRST_WITH_FRAMES = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws Exception {
        Path lib = Path.of(args[0]);
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        // frames name the common super class of two types, so the rewrite must see every class of the application
        try (URLClassLoader classes = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            ClassHierarchyResolver hierarchy = ClassHierarchyResolver.defaultResolver()
                    .orElse(ClassHierarchyResolver.ofResourceParsing(classes)).cached();
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(hierarchy));
            for (Path jar : jars) {
                rewrite(jar, classFile);
            }
        }
    }

    private static void rewrite(Path jar, ClassFile classFile) throws IOException {
        Map<String, byte[]> rewritten = new LinkedHashMap<>();
        int old = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            if (entries.stream().anyMatch(e -> e.getMethod() != ZipEntry.STORED || isSignature(e.getName()))) {
                return;
            }
            for (ZipEntry entry : entries) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    // the version is in the first 8 bytes: most jars hold no old class, and are only read that far
                    byte[] head = in.readNBytes(8);
                    if (head.length < 8 || majorVersion(head) >= FIRST_WITH_FRAMES) {
                        continue;
                    }
                    bytes = concat(head, in.readAllBytes());
                }
                old++;
                byte[] modern = withFrames(bytes, classFile);
                if (modern != null) {
                    rewritten.put(name, modern);
                }
            }
            if (rewritten.isEmpty()) {
                return;
            }
            Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                for (ZipEntry e : entries) {
                    byte[] data = rewritten.get(e.getName());
                    if (data == null) {
                        try (InputStream in = zip.getInputStream(e)) {
                            data = in.readAllBytes();
                        }
                    }
                    out.putNextEntry(StoreJarEntries.stored(e, data));
                    out.write(data);
                    out.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("[aot] " + jar.getFileName() + ": " + rewritten.size() + " of " + old
                + " class files older than Java 6 rewritten with stack map frames");
    }

    /** The class as version 52 with computed frames, or null when it cannot be rewritten or fails verification. */
    private static byte[] withFrames(byte[] bytes, ClassFile classFile) {
        try {
            ClassModel model = classFile.parse(bytes);
            // every method body goes through the builder, which computes its frames for the new version
            ClassTransform upgrade = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> {
                        if (element instanceof ClassFileVersion) {
                            builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
                        } else {
                            builder.with(element);
                        }
                    });
            byte[] modern = classFile.transformClass(model, upgrade);
            return classFile.verify(modern).isEmpty() ? modern : null;
        } catch (RuntimeException e) {
            return null; // e.g. jsr/ret, which class files from Java 7 on may not contain
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int majorVersion(byte[] classBytes) {
        return ((classBytes[6] & 0xff) << 8) | (classBytes[7] & 0xff);
    }

    private static boolean isSignature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }
}
