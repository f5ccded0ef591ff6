package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact SQL that inferred columns write on MySQL and MariaDB, and how catalog types read back as kinds. */
class MySqlInferredTypesTest {

    static final MySqlDialect D = MySqlDialect.INSTANCE;

    static String fromText(String type) {
        return D.fromText(new ColumnDef("v", ColumnType.parse(type)));
    }

    @Test
    void inferredKindsAreCreatedAsMySqlTypes() {
        assertThat(java.util.Arrays.stream(InferredKind.values()).map(D::inferredType).toList()).containsExactly(
                "LONGTEXT", "BIGINT", "DECIMAL(38,0)", "DOUBLE", "BOOLEAN", "DATETIME(6)", "DATE", "JSON", "LONGTEXT");
    }

    @Test
    void catalogTypesReadAsKinds() {
        assertThat(D.inferredKind("tinyint(1)")).isEqualTo(InferredKind.BOOLEAN);
        assertThat(D.inferredKind("tinyint")).isEqualTo(InferredKind.BIGINT);
        assertThat(D.inferredKind("bigint unsigned")).isEqualTo(InferredKind.BIGINT);
        assertThat(D.inferredKind("decimal(12,2)")).isEqualTo(InferredKind.DECIMAL);
        assertThat(D.inferredKind("float")).isEqualTo(InferredKind.DOUBLE);
        assertThat(D.inferredKind("datetime(6)")).isEqualTo(InferredKind.TIMESTAMPTZ);
        assertThat(D.inferredKind("DATETIME(6)")).isEqualTo(InferredKind.TIMESTAMPTZ);
        assertThat(D.inferredKind("json")).isEqualTo(InferredKind.JSON);
        assertThat(D.inferredKind("varchar(20)")).isEqualTo(InferredKind.TEXT);
        assertThat(D.inferredKind("LONGTEXT")).isEqualTo(InferredKind.TEXT);
        assertThat(D.inferredKind("timestamp")).isNull();
        assertThat(D.inferredKind("enum")).isNull();
        assertThat(D.inferredKind("time")).isNull();
    }

    @Test
    void stagedTextConvertsToEachType() {
        assertThat(fromText("BIGINT")).isEqualTo("CAST(`v` AS SIGNED)");
        assertThat(fromText("bigint unsigned")).isEqualTo("CAST(`v` AS SIGNED)");
        assertThat(fromText("DECIMAL(38,0)")).isEqualTo("CAST(`v` AS DECIMAL(38,0)) + 0 * CAST(IF(`v` REGEXP"
                + " '^[-+]?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$', '0', `v`) AS SIGNED)");
        assertThat(fromText("DOUBLE")).isEqualTo("`v`");
        assertThat(fromText("DATE")).isEqualTo("`v`");
        assertThat(fromText("JSON")).isEqualTo("`v`");
        assertThat(fromText("LONGTEXT")).isEqualTo("`v`");
        assertThat(fromText("time")).isEqualTo("`v`");
        assertThat(fromText("tinyint(1)")).isEqualTo(
                "CASE LOWER(`v`) WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE `v` END");
        assertThat(fromText("DATETIME(6)")).startsWith("CASE WHEN `v` REGEXP '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+"
                + "[Zz]$' THEN CAST(REPLACE(LEFT(`v`, CHAR_LENGTH(`v`) - 1), 'T', ' ') AS DATETIME(6))");
    }

    @Test
    void evolveWidensWithModifyColumn() {
        assertThat(D.widenColumn("`db`.`t`", "n", "DOUBLE"))
                .containsExactly("ALTER TABLE `db`.`t` MODIFY COLUMN `n` DOUBLE");
        assertThat(D.stagingType(new ColumnDef("x", ColumnType.parse("text")))).isEqualTo("LONGTEXT");
        assertThat(D.existingColumnsQuery()).contains("c.column_type").contains("information_schema.check_constraints")
                .endsWith("WHERE c.table_schema = ? AND c.table_name = ? ORDER BY c.ordinal_position");
    }
}
