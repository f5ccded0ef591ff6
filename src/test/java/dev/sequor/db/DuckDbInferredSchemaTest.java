package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.OpenedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inferred columns on a DuckDB file in a temporary project folder. */
class DuckDbInferredSchemaTest extends InferredSchemaBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.duckDb("sequor-duckdb-inf", POS);
    }

    @Test
    void aNumberBeyondAnExistingNumericColumnsPrecisionIsRefusedNamingIt() {
        aNumberBeyondAnExistingNumericColumnsPrecisionIsRefusedNamingIt("Conversion Error: Could not convert string"
                + " \"12345678901.5\" to DECIMAL(12,2) when casting from source column amount");
    }

    @Override
    List<String> typeNames() {
        return List.of("bigint", "decimal(38,0)", "double", "boolean", "timestamp with time zone", "date", "json",
                "varchar");
    }

    /**
     * ISO date-times without seconds are timestamps to inference, as to PostgreSQL and MySQL; DuckDB's cast needs the
     * seconds ({@link DuckDbDialect#withSeconds}), for inferred and declared columns, and in a merge's comparison.
     */
    @Test
    void timestampsWithoutSecondsLandAndMergeAgain() {
        WriteSpec merge = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        List<ColumnDef> declared = columnsAt(POS, "id", "integer", "ts", "timestamptz");
        for (int round = 0; round < 2; round++) {
            var page = List.of(rec("id", 1, "ts", "2024-05-01 10:00Z"), rec("id", 2, "ts", "2024-05-01T10:00+05:30"),
                    rec("id", 3, "ts", "2024-05-01T10:00:30.5-02:00"), rec("id", 4, "ts", null));
            write("inf_minutes", merge, page);
            try (TableWriteBatch batch = batch()) {
                batch.target(db, ns, "decl_minutes", declared, merge, POS).addRows(page);
                batch.commit();
            }
        }
        assertThat(columns("inf_minutes")).containsExactly("id bigint", "ts timestamp with time zone");
        for (String table : List.of("inf_minutes", "decl_minutes")) {
            assertThat(texts("SELECT id, CAST(ts AT TIME ZONE 'UTC' AS VARCHAR) AS utc FROM " + q(table) + " ORDER BY id"))
                    .as(table).containsExactly("1|2024-05-01 10:00:00", "2|2024-05-01 04:30:00",
                            "3|2024-05-01 12:00:30.5", "4|null");
        }
    }
}
