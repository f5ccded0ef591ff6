package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.util.List;

/**
 * Finds the first staged value a declared column refuses where the database has no conversion that fails softly
 * ({@link Dialect#firstMisfitQuery} has none: standard SQL has no {@code TRY_CAST}). Staging carries each row's load
 * number ({@link Dialect#numbersStagedRows}), so the conversion the move made is tried again on ranges of rows, each
 * range in a query of its own that either converts or fails, halving the range that fails until one row is left.
 * <p>
 * Only after the op has failed, in the session's own transactions (a failed probe on PostgreSQL aborts only itself,
 * outside a transaction). Each probe reads all of staging, so staging of more than {@link #MOST_ROWS} rows is not
 * searched: the database's words then stand alone, as they do when a probe fails for another reason.
 */
final class MisfitBisection {

    /** The most staged rows searched: 20 halvings, each a pass over staging. */
    static final long MOST_ROWS = 1_000_000;

    private final SqlSession session;
    private final Dialect dialect;
    private final String staging;
    private final String number;
    private final long mostRows;

    MisfitBisection(SqlSession session, Dialect dialect, String staging) {
        this(session, dialect, staging, MOST_ROWS);
    }

    /** Searching staging of at most {@code mostRows} rows (tests). */
    MisfitBisection(SqlSession session, Dialect dialect, String staging, long mostRows) {
        this.session = session;
        this.dialect = dialect;
        this.staging = staging;
        this.number = dialect.fromStaging(StagedWrites.ROW_NUMBER);
        this.mostRows = mostRows;
    }

    /** The first refused value of {@code columns} by load number, or null when there is none or no search. */
    Misfit find(List<ColumnDef> columns) {
        Long rows = largestNumber();
        if (rows == null || rows > mostRows) {
            return null;
        }
        Misfit first = null;
        for (ColumnDef c : columns) {
            long upTo = first == null ? rows : first.row() - 1;
            if (upTo >= 1 && !converts(c, 1, upTo)) {
                Misfit found = narrow(c, 1, upTo);
                if (found == null) {
                    return null; // a probe failed for another reason: nothing said is better than a wrong row
                }
                first = found;
            }
        }
        return first;
    }

    /** {@code c} fails to convert somewhere in rows {@code from..to}: the first row where it does, with its value. */
    private Misfit narrow(ColumnDef c, long from, long to) {
        while (from < to) {
            long middle = from + (to - from) / 2;
            if (converts(c, from, middle)) {
                from = middle + 1;
            } else {
                to = middle;
            }
        }
        if (session.lost() || converts(c, from, from)) {
            return null;
        }
        List<Row> value = session.query("SELECT " + dialect.quote(c.name()) + " FROM " + staging + " WHERE " + number
                + " = " + from);
        return value.size() == 1 ? new Misfit(from, c.name(), String.valueOf(value.get(0).get(0))) : null;
    }

    /** Whether {@code c}'s staged text in rows {@code from..to} converts as the move converts it. */
    private boolean converts(ColumnDef c, long from, long to) {
        try {
            session.query("SELECT COUNT(" + dialect.fromStaging(c) + ") FROM " + staging + " WHERE " + number
                    + " BETWEEN " + from + " AND " + to);
            return true;
        } catch (SequorException refused) {
            return false;
        }
    }

    private Long largestNumber() {
        List<Row> r = session.query("SELECT MAX(" + number + ") FROM " + staging);
        return r.isEmpty() || r.get(0).get(0) == null ? null : ((Number) r.get(0).get(0)).longValue();
    }
}
