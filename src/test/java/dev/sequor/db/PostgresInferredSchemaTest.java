package dev.sequor.db;

import dev.sequor.testing.OpenedDatabase;
import java.util.List;

/** Inferred columns on the real PostgreSQL, in a fresh schema. */
class PostgresInferredSchemaTest extends InferredSchemaBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.postgres("sequor-pg-inf", POS);
    }

    @Override
    List<String> typeNames() {
        return List.of("bigint", "numeric", "double precision", "boolean", "timestamp with time zone", "date", "jsonb",
                "text");
    }
}
