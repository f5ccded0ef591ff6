package dev.sequor.db;

import dev.sequor.testing.OpenedDatabase;
import java.util.List;

/** The write modes on a DuckDB file in a temporary project folder. */
class DuckDbWriteModesTest extends WriteModesBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.duckDb("sequor-duckdb-wm", POS);
    }

    @Override
    List<String> indexes(String table) {
        return db.query("SELECT index_name FROM duckdb_indexes() WHERE schema_name = '" + ns + "' AND table_name = '"
                + table + "'").stream().map(r -> String.valueOf(r.get(0))).toList();
    }
}
