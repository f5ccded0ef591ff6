package dev.sequor.db;

import dev.sequor.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Inferred columns on the real PostgreSQL, in a fresh schema. */
class PostgresInferredSchemaTest extends InferredSchemaBehaviourTest {

    PostgresTestDatabase pg;

    @Override
    void open() throws Exception {
        pg = PostgresTestDatabase.createSchema();
        Path tmp = Files.createTempDirectory("sequor-pg-inf");
        databases = new Databases(tmp, tmp.resolve(".cache"));
        db = databases.open("stage", PostgresTestDatabase.sourceConfig(), POS);
        ns = pg.schema();
    }

    @Override
    void cleanUp() {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    List<String> typeNames() {
        return List.of("bigint", "numeric", "double precision", "boolean", "timestamp with time zone", "date", "jsonb",
                "text");
    }
}
