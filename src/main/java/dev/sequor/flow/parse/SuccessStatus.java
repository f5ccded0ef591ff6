package dev.sequor.flow.parse;

import dev.sequor.flow.Dyn;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.Literals;

/**
 * {@code success_status} as far as it is written literally: a list of HTTP status codes, as upstream requires
 * ({@code success_status must be a list of integers}). An item may be written as text of digits, which the op
 * accepts when it runs; a code outside 100-599 could never match a response, so it is refused too.
 */
final class SuccessStatus {

    static final String KEY = "success_status";
    static final String EXPECTED = "a list of HTTP status codes (integers from 100 to 599), e.g. [200, 201]";

    private SuccessStatus() {
    }

    static void check(Dyn d, KeyReader r) {
        switch (d) {
            case Dyn.Const c when c.value() != null -> r.diagnostics().invalidValue(c.pos(), "'" + KEY + "' in " + r.where()
                    + " must be " + EXPECTED + ", not " + Literals.shown(c.value()) + ".");
            case Dyn.DMap m -> r.diagnostics().invalidValue(m.pos(), "'" + KEY + "' in " + r.where() + " must be " + EXPECTED
                    + ", not a mapping.");
            case Dyn.DList l -> {
                for (Dyn item : l.items()) {
                    String wrong = switch (item) {
                        case Dyn.Const c -> code(c.value()) ? null : Literals.shown(c.value());
                        case Dyn.DMap x -> "a mapping";
                        case Dyn.DList x -> "a list";
                        default -> null; // computed: checked when the op runs
                    };
                    if (wrong != null) {
                        r.diagnostics().invalidValue(item.pos(), "'" + KEY + "' in " + r.where() + " must be " + EXPECTED
                                + "; " + wrong + " is not one.");
                    }
                }
            }
            case null, default -> { }
        }
    }

    /** An integer (or text of one, as the op reads it) that is a status code. */
    private static boolean code(Object v) {
        long n;
        if (v instanceof Long || v instanceof Integer) {
            n = ((Number) v).longValue();
        } else if (v instanceof String s) {
            try {
                n = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            return false;
        }
        return n >= 100 && n <= 599;
    }
}
