package dev.sequor.expr.python.subset;

import java.util.Arrays;

/** Python's {@code bytes}: immutable; what {@code str.encode()} and {@code hashlib...digest()} return. */
public final class PyBytes implements PyObject {

    public final byte[] bytes;

    public PyBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public String typeName() {
        return "bytes";
    }

    @Override
    public Object getAttr(String name) {
        return BytesMethods.has(name) ? new BoundMethod(this, name) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code b'...'} with Python's escapes. */
    public String repr() {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(bytes.length + 3).append('b').append(quote);
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (b == quote || b == '\\') {
                sb.append('\\').append((char) b);
            } else if (b == '\t') {
                sb.append("\\t");
            } else if (b == '\n') {
                sb.append("\\n");
            } else if (b == '\r') {
                sb.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                sb.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            } else {
                sb.append((char) b);
            }
        }
        return sb.append(quote).toString();
    }

    @Override
    public String toString() {
        return repr();
    }
}
