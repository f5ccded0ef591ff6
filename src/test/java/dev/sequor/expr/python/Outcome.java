package dev.sequor.expr.python;

/**
 * What one engine made of one snippet, as comparable text: {@code = <value>} for a value (the repr computed inside
 * the engine, or a typed rendering of the plain Java result), {@code ! <error text>} for an error (e.g.
 * {@code ! KeyError: 'id'}), or, on the Java side only, that the snippet fell back to GraalPy or that the evaluator
 * crashed with a Java exception.
 */
record Outcome(Kind kind, String text) {

    enum Kind { VALUE, ERROR, FALLBACK, CRASH }

    private static final String PREFIX = "Error evaluating '";

    static Outcome value(String text) {
        return new Outcome(Kind.VALUE, text);
    }

    /** An error as the engines report it; the {@code Error evaluating 'KEY': } prefix is dropped. */
    static Outcome error(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith(PREFIX)) {
            int end = text.indexOf("': ");
            if (end > 0) {
                text = text.substring(end + 3);
            }
        }
        return new Outcome(Kind.ERROR, text);
    }

    /** An error caught inside a GraalPy batch: {@code Type: message}, or the bare text of Sequor's own errors. */
    static Outcome pythonError(String type, String message) {
        if (type == null) {
            return new Outcome(Kind.ERROR, message);
        }
        return new Outcome(Kind.ERROR, message.isEmpty() ? type : type + ": " + message);
    }

    static Outcome fallback(String why) {
        return new Outcome(Kind.FALLBACK, why);
    }

    static Outcome crash(Throwable t) {
        return new Outcome(Kind.CRASH, t.getClass().getName() + ": " + t.getMessage());
    }

    /** The Python exception type of an error ({@code KeyError}), else the kind; used to group mismatches. */
    String category() {
        if (kind == Kind.ERROR) {
            int colon = text.indexOf(':');
            String head = colon < 0 ? text : text.substring(0, colon);
            return head.matches("[A-Za-z_.]+") ? head : "Sequor error";
        }
        if (kind == Kind.CRASH) {
            int colon = text.indexOf(':');
            return "crash " + (colon < 0 ? text : text.substring(0, colon));
        }
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case VALUE -> "= " + text;
            case ERROR -> "! " + text;
            case FALLBACK -> "runs on GraalPy: " + text;
            case CRASH -> "Java evaluator crashed: " + text;
        };
    }
}
