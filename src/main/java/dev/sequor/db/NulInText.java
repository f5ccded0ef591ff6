package dev.sequor.db;

import java.sql.SQLException;

/**
 * A value holding the NUL character (U+0000), which PostgreSQL's text types cannot store ("invalid byte sequence for
 * encoding UTF8: 0x00", naming neither column nor row): refused before it is sent, with the row and column that
 * {@link PostgresDialect#misfitIn} gives the op's error. SQLSTATE 22021, character not in repertoire, as the server's.
 */
final class NulInText extends SQLException {

    private final transient Misfit misfit;

    /** @param row the row within the load, from 1 */
    NulInText(long row, String column, String value) {
        super("PostgreSQL text cannot hold the NUL character (U+0000)", "22021");
        this.misfit = new Misfit(row, column, value);
    }

    Misfit misfit() {
        return misfit;
    }

    /** Where {@link PostgresCopyText} meets a NUL: the loader, which knows the row and column, says which. */
    static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }
}
