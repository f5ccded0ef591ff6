package dev.sequor.flow.op;

import dev.sequor.error.SourcePos;

/**
 * What every op has: its {@code op} name, optional {@code id} and {@code title}, where it was written, and
 * the label used in logs, errors and the op stack (upstream's op titles, e.g. {@code http_request: get_customers}).
 */
public record OpMeta(String op, String id, String title, String label, SourcePos pos) {

    /** id or title, whichever names the op for a human; null when it has neither. */
    public String name() {
        return id != null ? id : title;
    }

    /** How messages name the op: {@code http_request "get_customers"}, or just {@code print} when it has no name. */
    public String where() {
        return name() == null ? op : op + " \"" + name() + "\"";
    }
}
