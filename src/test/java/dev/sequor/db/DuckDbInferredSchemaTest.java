package dev.sequor.db;

import dev.sequor.testing.OpenedDatabase;
import java.util.List;

/** Inferred columns on a DuckDB file in a temporary project folder. */
class DuckDbInferredSchemaTest extends InferredSchemaBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.duckDb("sequor-duckdb-inf", POS);
    }

    @Override
    List<String> typeNames() {
        return List.of("bigint", "decimal(38,0)", "double", "boolean", "timestamp with time zone", "date", "json",
                "varchar");
    }
}
