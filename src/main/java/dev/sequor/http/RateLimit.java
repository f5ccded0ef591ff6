package dev.sequor.http;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.spec.SourceSpecs;
import java.util.Map;
import java.util.Set;

/**
 * The {@code rate_limit} of an http source: at most {@code requestsPerSecond} requests a second (null: no limit)
 * and at most {@code maxConcurrency} requests in flight at once (null: no limit), over every op of the run that
 * uses the source. {@link SourceThrottle} enforces it.
 */
public record RateLimit(Double requestsPerSecond, Integer maxConcurrency) {

    private static final Set<String> KEYS = SourceSpecs.keyNames(SourceSpecs.RATE_LIMIT);

    /** Reads {@code rate_limit}; null when absent. */
    static RateLimit from(Object value, String where, SourcePos pos) {
        if (value == null) {
            return null;
        }
        Map<?, ?> m = SourceValues.mapping(value, where, "rate_limit", KEYS, pos);
        Object rps = m.get("requests_per_second");
        Object concurrency = m.get("max_concurrency");
        if (rps == null && concurrency == null) {
            throw SequorException.invalid(pos, where + "rate_limit needs requests_per_second, max_concurrency or both.");
        }
        return new RateLimit(
                rps == null ? null : SourceValues.positiveNumber(rps, where + "rate_limit.requests_per_second", pos),
                concurrency == null ? null
                        : SourceValues.positiveWholeNumber(concurrency, where + "rate_limit.max_concurrency", pos));
    }
}
