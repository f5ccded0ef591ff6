package dev.sequor.db;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes behind the text that a Python {@code bytes} value becomes when a snippet hands it back to Sequor.
 * <p>
 * A snippet's result crosses into Java as plain values, and a {@code bytes} value as its Python {@code str()}
 * ({@code b'-q\x16B...'}): that is what a text column gets (upstream lands {@code str(v)}), what templates, messages,
 * request bodies and saved variables see, unchanged. Only a binary column needs the bytes themselves
 * ({@link Dialect#binaryText}), and the text cannot give them back: a {@code str} value could read the same. So the
 * conversion remembers the bytes with the very String object it made ({@link #text}), and a binary column asks for
 * them by that object's identity ({@link #of}), never by its content: equal text from anywhere else (another
 * snippet's {@code str}, a response, a saved variable) is text.
 * <p>
 * The String is held weakly: an entry lives as long as the value it belongs to, and only values that came from
 * {@code bytes} make one; the landing path asks only for values of binary columns.
 */
public final class PythonBytes {

    private static final ReferenceQueue<String> CLEARED = new ReferenceQueue<>();
    private static final ConcurrentHashMap<Key, byte[]> BYTES = new ConcurrentHashMap<>();

    private PythonBytes() {
    }

    /**
     * The text of a {@code bytes} value, {@code str} (Python's {@code str()} of it), as a String object of its own
     * that {@link #of} answers {@code bytes} for. {@code bytes} is kept as given: Python's bytes are immutable, and
     * the caller hands over an array nothing writes to.
     */
    public static String text(String str, byte[] bytes) {
        // a String object of its own, never one shared with other text (a literal, an interned or cached string)
        String text = new String(str);
        expunge();
        BYTES.put(new Key(text, CLEARED), bytes);
        return text;
    }

    /**
     * The bytes of {@code value}: itself when it is a {@code byte[]}, the bytes a snippet's {@code bytes} value had
     * when it is the text {@link #text} made of it; null for anything else.
     */
    public static byte[] of(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (!(value instanceof String s) || BYTES.isEmpty()) {
            return null;
        }
        return BYTES.get(new Key(s, null));
    }

    /** Drops the entries of texts no longer in use. */
    private static void expunge() {
        for (Object cleared; (cleared = CLEARED.poll()) != null; ) {
            BYTES.remove(cleared);
        }
    }

    /** A String by identity, weakly held. */
    private static final class Key extends WeakReference<String> {
        private final int hash;

        Key(String text, ReferenceQueue<String> queue) {
            super(text, queue);
            this.hash = System.identityHashCode(text);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Key other) || other.hash != hash) {
                return false;
            }
            String text = get();
            return text != null && text == other.get();
        }
    }
}
