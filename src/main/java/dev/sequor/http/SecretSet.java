package dev.sequor.http;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials of one run, gathered when the project and environment are loaded and grown as the run
 * learns more (OAuth2 tokens, sources rendered with flow variables). Everything the run writes is masked
 * through {@link #redactor()}, so stdout, stderr, the log file, traces, recordings and error texts agree.
 */
public final class SecretSet {

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    /** Rebuilt only when the set grew: masking runs on every line written. */
    private volatile SecretRedactor redactor = new SecretRedactor(Set.of());
    private volatile int redactorSize;

    public void add(String value) {
        if (value != null && !value.isEmpty()) {
            values.add(value);
        }
    }

    public void addAll(Collection<String> more) {
        more.forEach(this::add);
    }

    /** The live set itself, for the HTTP client, which adds the tokens it obtains. */
    public Set<String> live() {
        return values;
    }

    /** A copy of the values known now. */
    public Set<String> snapshot() {
        return Set.copyOf(values);
    }

    /** A redactor for every value known now (the set only grows, so its size tells whether it changed). */
    public SecretRedactor redactor() {
        int size = values.size();
        if (size != redactorSize) {
            redactor = new SecretRedactor(Set.copyOf(values));
            redactorSize = size;
        }
        return redactor;
    }

    /** {@code text} as it may be written anywhere. */
    public String mask(String text) {
        return redactor().text(text);
    }
}
