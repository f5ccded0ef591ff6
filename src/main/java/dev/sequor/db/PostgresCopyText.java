package dev.sequor.db;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@link PostgresCopyLoader} in COPY's text format, encoded as UTF-8 as they are added: \N is NULL;
 * backslash, tab, newline and carriage return are backslash-escaped. A value's UTF-8 bytes are copied in runs between
 * those four characters (each a single byte that no multi-byte UTF-8 sequence contains): appending one character at a
 * time was most of the loader thread's time.
 */
final class PostgresCopyText {

    private byte[] bytes;
    private int size;

    /** @param capacity bytes held before the buffer grows (one chunk, and room for the row that passes it) */
    PostgresCopyText(int capacity) {
        bytes = new byte[capacity];
    }

    /** Bytes added since the last {@link #writeTo}. */
    int size() {
        return size;
    }

    /** A separator: tab between fields, newline after a row. */
    void put(byte b) {
        room(1);
        bytes[size++] = b;
    }

    /** A value; null is {@code \\N}. A NUL character, which no text column holds, throws {@link NulInText.Found}. */
    void field(String value) {
        if (value == null) {
            room(2);
            bytes[size++] = '\\';
            bytes[size++] = 'N';
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte escape = switch (utf8[i]) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case 0 -> throw new NulInText.Found();
                default -> 0;
            };
            if (escape != 0) {
                copy(utf8, start, i);
                room(2);
                bytes[size++] = '\\';
                bytes[size++] = escape;
                start = i + 1;
            }
        }
        copy(utf8, start, utf8.length);
    }

    private void copy(byte[] from, int start, int end) {
        room(end - start);
        System.arraycopy(from, start, bytes, size, end - start);
        size += end - start;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Sends what was added since the last call. */
    void writeTo(CopyIn copy) throws SQLException {
        if (size > 0) {
            copy.writeToCopy(bytes, 0, size);
            size = 0;
        }
    }

    /** What was added since the last {@link #writeTo}, as text (what a test compares). */
    String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
