package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.testing.OpenedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    /** PostgreSQL calls a decimal numeric ({@link PostgresDialect#existingColumnsQuery}). */
    @Override
    String decimalTypeName(int precision, int scale) {
        return "numeric(" + precision + "," + scale + ")";
    }

    @Test
    void aNumberBeyondAnExistingNumericColumnsPrecisionIsRefusedNamingIt() {
        aNumberBeyondAnExistingNumericColumnsPrecisionIsRefusedNamingIt("numeric field overflow");
    }

    /**
     * A view on the table stops PostgreSQL from widening a column it uses, whatever the write mode: the error names
     * the view and the column (the server's detail), and the table keeps its rows and type.
     */
    @Test
    void aViewOnAColumnTheRecordsWidenIsNamedInTheError() {
        write("inf_viewed", CREATE, List.of(rec("id", 1, "v", 10)));
        db.execute("CREATE VIEW " + q("inf_viewed_v") + " AS SELECT v FROM " + q("inf_viewed"));
        assertThatThrownBy(() -> write("inf_viewed", WriteSpec.of(WriteMode.REPLACE), List.of(rec("id", 2, "v", "ten"))))
                .isInstanceOf(SequorException.class)
                .hasMessage("SQL error on source 'stage': cannot alter type of a column used by a view or rule (rule"
                        + " _RETURN on view " + ns + ".inf_viewed_v depends on column \"v\")");
        assertThat(columns("inf_viewed")).containsExactly("id bigint", "v bigint");
        assertThat(texts("SELECT id, v FROM " + q("inf_viewed"))).containsExactly("1|10");
    }

    /**
     * A name past 63 bytes and the name PostgreSQL stores for it (a child table found in the catalog) are one target;
     * two names PostgreSQL would store as one are refused, naming both.
     */
    @Test
    void namesPostgreSqlStoresAsOneAreOneTargetOnlyWhenOneIsTheOthersCut() {
        String stem = "t".repeat(63);
        try (TableWriteBatch batch = batch()) {
            TableTarget whole = batch.target(db, ns, stem + "_a", null, CREATE, POS);
            assertThat(batch.target(db, ns, stem, null, CREATE, POS)).isSameAs(whole);
            assertThatThrownBy(() -> batch.target(db, ns, stem + "_b", null, CREATE, POS))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("Tables '" + stem + "_a' and '" + stem + "_b' are one table on PostgreSQL, which stores"
                            + " both names as '" + stem + "'; shorten one of them (a table name, or for child tables"
                            + " and flattened columns the fields' names: a lower max_nesting, or rename the field"
                            + " before it lands)")
                    .extracting(e -> ((SequorException) e).pos()).isEqualTo(POS);
            whole.addRows(List.of(rec("id", 1)));
            batch.commit();
        }
        assertThat(texts("SELECT id FROM " + q(stem + "_a"))).containsExactly("1");
    }
}
