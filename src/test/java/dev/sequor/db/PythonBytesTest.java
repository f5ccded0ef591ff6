package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.expr.python.subset.HostValues;
import dev.sequor.expr.python.subset.PyBytes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Python bytes value crosses into Java as its str(), and only that String object gives its bytes back; how each
 * database stages bytes and text for a binary column.
 */
class PythonBytesTest {

    private static final byte[] SOME = {0, 92, (byte) 255, 39, 10};

    @Test
    void aSnippetsBytesAreTheirStrAndOnlyThatTextGivesTheBytesBack() {
        Object text = HostValues.toJava(new PyBytes(SOME));
        assertThat(text).isEqualTo("b\"\\x00\\\\\\xff'\\n\"");
        assertThat(PythonBytes.of(text)).containsExactly(SOME);
        // the same text from anywhere else is text
        assertThat(PythonBytes.of(new String((String) text))).isNull();
        assertThat(PythonBytes.of("b\"\\x00\\\\\\xff'\\n\"")).isNull();
        assertThat(PythonBytes.of(SOME)).isSameAs(SOME);
        assertThat(PythonBytes.of(42L)).isNull();
        assertThat(PythonBytes.of(null)).isNull();
    }

    @Test
    void bytesInsideADictAreTheirStrToo() {
        Object converted = HostValues.toJava(HostValues.toPython(Map.of("b", SOME)));
        Object text = ((Map<?, ?>) converted).get("b");
        assertThat(text).isInstanceOf(String.class);
        assertThat(PythonBytes.of(text)).containsExactly(SOME);
    }

    @Test
    void eachDatabaseStagesBytesAsItsCastFromTextReadsThem() {
        String text = (String) HostValues.toJava(new PyBytes(SOME));
        assertThat(PostgresDialect.INSTANCE.binaryText(text)).isEqualTo("\\x005cff270a");
        assertThat(DuckDbDialect.INSTANCE.binaryText(text)).isEqualTo("\\x00\\x5C\\xFF\\x27\\x0A");
        assertThat(MySqlDialect.INSTANCE.binaryText(text)).isEqualTo("005CFF270A");
        assertThat(SnowflakeDialect.INSTANCE.binaryText(text)).isEqualTo("005CFF270A");
        assertThat(PostgresDialect.INSTANCE.binaryText(new byte[0])).isEqualTo("\\x");
        assertThat(DuckDbDialect.INSTANCE.binaryText(new byte[0])).isEmpty();
    }

    /** Text keeps going as it is (MySQL: as the hex of its UTF-8, the bytes text became there before); null is null. */
    @Test
    void textAndNullInABinaryColumnGoAsBefore() {
        for (Dialect d : java.util.List.of(PostgresDialect.INSTANCE, DuckDbDialect.INSTANCE, SnowflakeDialect.INSTANCE)) {
            assertThat(d.binaryText("\\x41")).isEqualTo("\\x41");
            assertThat(d.binaryText(null)).isNull();
        }
        assertThat(MySqlDialect.INSTANCE.binaryText("é\\")).isEqualTo("C3A95C");
        assertThat(MySqlDialect.INSTANCE.binaryText(12L)).isEqualTo("3132");
        assertThat(MySqlDialect.INSTANCE.binaryText(null)).isNull();
    }

    @Test
    void binaryTypes() {
        assertThat(PostgresDialect.INSTANCE.isBinary("bytea")).isTrue();
        assertThat(PostgresDialect.INSTANCE.isBinary("BYTEA")).isTrue();
        assertThat(PostgresDialect.INSTANCE.isBinary("bytea[]")).isFalse();
        assertThat(PostgresDialect.INSTANCE.isBinary("text")).isFalse();
        assertThat(DuckDbDialect.INSTANCE.isBinary("BLOB")).isTrue();
        assertThat(DuckDbDialect.INSTANCE.isBinary("bytea")).isTrue();
        assertThat(DuckDbDialect.INSTANCE.isBinary("VARCHAR")).isFalse();
        MySqlDialect mysql = MySqlDialect.INSTANCE;
        assertThat(mysql.isBinary(mysql.typeSql(ColumnType.parse("bytea")))).isTrue();
        assertThat(mysql.isBinary("varbinary(16)")).isTrue();
        assertThat(mysql.isBinary("BINARY(16)")).isTrue();
        assertThat(mysql.isBinary("mediumblob")).isTrue();
        assertThat(mysql.isBinary("longtext")).isFalse();
        assertThat(SnowflakeDialect.INSTANCE.isBinary(SnowflakeDialect.INSTANCE.typeSql(ColumnType.parse("bytea"))))
                .isTrue();
        assertThat(SnowflakeDialect.INSTANCE.isBinary("VARBINARY(16)")).isTrue();
        assertThat(SnowflakeDialect.INSTANCE.isBinary("VARCHAR")).isFalse();
        assertThat(AnsiDialect.INSTANCE.isBinary("blob")).isFalse();
    }
}
