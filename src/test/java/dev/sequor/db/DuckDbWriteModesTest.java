package dev.sequor.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The write modes on a DuckDB file in a temporary project folder. */
class DuckDbWriteModesTest extends WriteModesBehaviourTest {

    Path projectDir;

    @Override
    void open() throws Exception {
        projectDir = Files.createTempDirectory("sequor-duckdb-wm");
        databases = new Databases(projectDir, projectDir.resolve(".cache"));
        db = databases.open("stage", Map.of("type", "duckdb", "conn_str", "duckdb:///data/stage.db"), POS);
        ns = "main";
    }

    @Override
    void cleanUp() throws Exception {
        try (Stream<Path> files = Files.walk(projectDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    List<String> indexes(String table) {
        return db.query("SELECT index_name FROM duckdb_indexes() WHERE schema_name = '" + ns + "' AND table_name = '"
                + table + "'").stream().map(r -> String.valueOf(r.get(0))).toList();
    }
}
