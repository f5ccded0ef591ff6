package dev.sequor.expr.python;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system snippets see: what {@link org.graalvm.polyglot.io.IOAccess#NONE} gives (GraalPy's language home
 * read-only, every other host path denied), plus one folder where GraalPy keeps the bytecode ({@code .pyc}) of the
 * standard-library modules it compiles, so that the next run imports {@code json} or {@code hashlib} without
 * parsing them again.
 *
 * <p>Inside that folder only what the bytecode writer needs is allowed: reading, creating folders, and creating
 * {@code *.pyc} files (through CPython's {@code NAME.pyc.NUMBER} temporary file and an atomic rename). A cached
 * file is never replaced: the cached paths contain the hash of the language home, so a stdlib module's bytecode
 * never goes stale, and a snippet cannot overwrite bytecode that another run already wrote. Anything else (data
 * files, paths outside the folder) raises PermissionError in Python.
 *
 * <p>Paths under the folder go to the host file system directly: the file system that IOAccess.NONE builds on
 * does not support the atomic rename GraalPy uses to publish a {@code .pyc}.
 */
final class BytecodeCacheFileSystem implements FileSystem {

    /** A bytecode file, or CPython's temporary name for one ({@code _write_atomic} writes {@code PATH.ID}). */
    private static final Pattern BYTECODE_NAME = Pattern.compile(".+\\.pyc(\\.\\d+)?");

    private final Path root;
    private final FileSystem host = FileSystem.newDefaultFileSystem();
    // read-only on purpose: allowInternalResourceAccess alone lets Python write into its language home
    private final FileSystem sandbox = FileSystem.newReadOnlyFileSystem(
            FileSystem.allowInternalResourceAccess(FileSystem.newDenyIOFileSystem()));

    /** {@code root} must exist: the importer creates the folders below it, never the folder itself. */
    BytecodeCacheFileSystem(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private boolean inCache(Path path) {
        return path.isAbsolute() && path.normalize().startsWith(root);
    }

    private static SecurityException denied() {
        return new SecurityException("Operation not permitted");
    }

    /** Paths to a bytecode file that does not exist yet: the only files anything may create. */
    private void checkNewBytecodeFile(Path path) {
        Path name = path.getFileName();
        if (name == null || !BYTECODE_NAME.matcher(name.toString()).matches() || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw denied();
        }
    }

    @Override
    public Path parsePath(URI uri) {
        return sandbox.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return sandbox.parsePath(path);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return sandbox.toAbsolutePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (!inCache(path)) {
            sandbox.checkAccess(path, modes, linkOptions);
            return;
        }
        if (modes.contains(AccessMode.EXECUTE)) {
            throw denied();
        }
        host.checkAccess(path, modes, linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return inCache(path) ? host.readAttributes(path, attributes, options) : sandbox.readAttributes(path, attributes, options);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return inCache(path) ? host.toRealPath(path, linkOptions) : sandbox.toRealPath(path, linkOptions);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return inCache(dir) ? host.newDirectoryStream(dir, filter) : sandbox.newDirectoryStream(dir, filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        if (inCache(dir)) {
            host.createDirectory(dir, attrs);
        } else {
            sandbox.createDirectory(dir, attrs);
        }
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (!inCache(path)) {
            return sandbox.newByteChannel(path, options, attrs);
        }
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            checkNewBytecodeFile(path);
        }
        return host.newByteChannel(path, options, attrs);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        if (!inCache(source) || !inCache(target)) {
            throw denied();
        }
        checkNewBytecodeFile(target);
        Files.move(source, target, options);
    }

    @Override
    public void delete(Path path) throws IOException {
        // the importer deletes its temporary file when writing the .pyc failed; nothing else is deleted
        if (!inCache(path) || !BYTECODE_NAME.matcher(String.valueOf(path.getFileName())).matches() || path.toString().endsWith(".pyc")) {
            throw denied();
        }
        host.delete(path);
    }
}
