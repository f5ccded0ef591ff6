package dev.sequor.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Inferred columns on a DuckDB file in a temporary project folder. */
class DuckDbInferredSchemaTest extends InferredSchemaBehaviourTest {

    Path projectDir;

    @Override
    void open() throws Exception {
        projectDir = Files.createTempDirectory("sequor-duckdb-inf");
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
    List<String> typeNames() {
        return List.of("bigint", "decimal(38,0)", "double", "boolean", "timestamp with time zone", "date", "json",
                "varchar");
    }
}
