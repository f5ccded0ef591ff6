package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.util.List;
import java.util.function.Function;

/**
 * Tries the conversion a move made of staged values again, row by row or on ranges of rows, where staging says each
 * row's number ({@link Dialect#stagedRowNumber}): to find the first value a column refuses where the database has no
 * conversion that fails softly ({@link Dialect#firstMisfitQuery} has none: standard SQL has no {@code TRY_CAST}, and
 * MySQL's query tries only some types), each range in a statement of its own that either converts or fails, halving
 * the range that fails until one row is left; and to get the database's own words about one refused value
 * ({@link #refusalOf}), so that an error names the value those words are about.
 * <p>
 * Where a query refuses what the move refuses, a probe is a query; MySQL's strict mode refuses values only in writes
 * (a SELECT gives NULL, or a value cut short, with a warning), so there a probe inserts into {@link #PROBE}, a
 * temporary table with the one column, typed as the target's.
 * <p>
 * Only after the op has failed, in the session's own transactions (a failed probe on PostgreSQL aborts only itself,
 * outside a transaction). Each probe reads all of staging, so staging of more than {@link #MOST_ROWS} rows is not
 * searched: the database's words then stand alone, as they do when a probe fails for another reason.
 */
final class MisfitBisection {

    /** The most staged rows searched: 20 halvings, each a pass over staging. */
    static final long MOST_ROWS = 1_000_000;

    /** The temporary table a probe inserts into where only a write refuses a value. */
    static final String PROBE = "_sequor_probe";

    /** A refused value, with the database's words about it. */
    record Found(Misfit misfit, SequorException refusal) {
    }

    private final SqlSession session;
    private final Dialect dialect;
    private final String staging;
    private final String number;
    private final Function<ColumnDef, String> conversion;
    private final String typedLike;
    private final long mostRows;

    /** Over staging with declared columns, converted as {@link Dialect#fromStaging} does (tests). */
    MisfitBisection(SqlSession session, Dialect dialect, String staging, long mostRows) {
        this(session, dialect, staging, dialect::fromStaging, null, mostRows);
    }

    /**
     * @param conversion how the move converted a column's staged value ({@link Dialect#fromStaging}, or
     *                   {@link Dialect#fromText} for inferred columns)
     * @param typedLike  the table (qualified) whose columns give a probe table's types, where the move lands in it;
     *                   null to type a probe as its column says
     */
    MisfitBisection(SqlSession session, Dialect dialect, String staging, Function<ColumnDef, String> conversion,
                    String typedLike) {
        this(session, dialect, staging, conversion, typedLike, MOST_ROWS);
    }

    private MisfitBisection(SqlSession session, Dialect dialect, String staging,
                            Function<ColumnDef, String> conversion, String typedLike, long mostRows) {
        this.session = session;
        this.dialect = dialect;
        this.staging = staging;
        this.number = dialect.stagedRowNumber();
        this.conversion = conversion;
        this.typedLike = typedLike;
        this.mostRows = mostRows;
    }

    /** The first refused value of {@code columns} by load number, or null when there is none or no search. */
    Found find(List<ColumnDef> columns) {
        Long rows = largestNumber();
        if (rows == null || rows > mostRows) {
            return null;
        }
        Found first = null;
        for (ColumnDef c : columns) {
            long upTo = first == null ? rows : first.misfit().row() - 1;
            if (upTo < 1) {
                break;
            }
            Found[] found = new Found[1];
            boolean refused = withProbe(c, () -> {
                if (refusal(c, 1, upTo) == null) {
                    return false;
                }
                found[0] = narrow(c, 1, upTo);
                return true;
            });
            if (refused) {
                if (found[0] == null) {
                    return null; // a probe failed for another reason: nothing said is better than a wrong row
                }
                first = found[0];
            }
        }
        return first;
    }

    /** The database's refusal of the value of {@code c} staged in row {@code row}, or null when it converts. */
    SequorException refusalOf(ColumnDef c, long row) {
        return withProbe(c, () -> refusal(c, row, row));
    }

    /** {@code c} fails to convert somewhere in rows {@code from..to}: the first row where it does, with its value. */
    private Found narrow(ColumnDef c, long from, long to) {
        while (from < to) {
            long middle = from + (to - from) / 2;
            if (refusal(c, from, middle) == null) {
                from = middle + 1;
            } else {
                to = middle;
            }
        }
        SequorException refusal = session.lost() ? null : refusal(c, from, from);
        if (refusal == null) {
            return null;
        }
        List<Row> value = session.query("SELECT " + dialect.quote(c.name()) + " FROM " + staging + " WHERE " + number
                + " = " + from);
        return value.size() == 1 ? new Found(new Misfit(from, c.name(), String.valueOf(value.get(0).get(0))), refusal)
                : null;
    }

    /** The database's refusal of {@code c}'s staged text in rows {@code from..to}, or null when it converts. */
    private SequorException refusal(ColumnDef c, long from, long to) {
        String rows = " FROM " + staging + " WHERE " + number + " BETWEEN " + from + " AND " + to;
        try {
            if (dialect.refusesInQueries()) {
                session.query("SELECT COUNT(" + conversion.apply(c) + ")" + rows);
            } else {
                session.execute("INSERT INTO " + dialect.quote(PROBE) + " (" + dialect.quote(c.name()) + ") SELECT "
                        + conversion.apply(c) + rows);
            }
            return null;
        } catch (SequorException refused) {
            return refused;
        }
    }

    /** {@code search}, with the probe table of {@code c} made before and dropped after where probes insert. */
    private <T> T withProbe(ColumnDef c, java.util.function.Supplier<T> search) {
        if (dialect.refusesInQueries()) {
            return search.get();
        }
        String probe = dialect.quote(PROBE);
        session.execute(dialect.dropStaging(probe));
        session.execute(typedLike != null
                ? "CREATE TEMPORARY TABLE " + probe + " AS SELECT " + dialect.quote(c.name()) + " FROM " + typedLike
                        + " WHERE 1 = 0"
                : "CREATE TEMPORARY TABLE " + probe + " (" + dialect.quote(c.name()) + " " + dialect.typeSql(c.type())
                        + ")");
        try {
            return search.get();
        } finally {
            if (!session.lost()) {
                session.execute(dialect.dropStaging(probe));
            }
        }
    }

    private Long largestNumber() {
        List<Row> r = session.query("SELECT MAX(" + number + ") FROM " + staging);
        return r.isEmpty() || r.get(0).get(0) == null ? null : ((Number) r.get(0).get(0)).longValue();
    }
}
