package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar every column type passes before it is written into DDL or a CAST. */
class ColumnTypeTest {

    private static final String EXPECTED = "expected a type name of letters, digits and underscores with optional"
            + " (precision[,scale]) and [] suffixes, e.g. integer, numeric(10,2), text[] or timestamp with time zone";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text|text",
            "INTEGER|INTEGER",
            "  bigint  |bigint",
            "_my_type2|_my_type2",
            "numeric(10,2)|numeric(10,2)",
            "NUMERIC( 10 , 2 )|NUMERIC(10,2)",
            "varchar(255)|varchar(255)",
            "text[]|text[]",
            "integer[][]|integer[][]",
            "int[3]|int[3]",
            "numeric(10,2)[]|numeric(10,2)[]",
            "double precision|double precision",
            "DOUBLE   PRECISION|DOUBLE PRECISION",
            "character varying(20)|character varying(20)",
            "bit varying(8)|bit varying(8)",
            "timestamp with time zone|timestamp with time zone",
            "timestamp without time zone|timestamp without time zone",
            "timestamp(3) with time zone|timestamp(3) with time zone",
            "time with time zone|time with time zone",
            "TIME(6) WITHOUT TIME ZONE[]|TIME(6) WITHOUT TIME ZONE[]",
            "bigint unsigned|bigint unsigned",
            "STRUCT(a INTEGER, b VARCHAR)|STRUCT(a INTEGER, b VARCHAR)",
            "struct( \"odd \"\"name\"\"\"  text ,n STRUCT(x double precision[]) )[]|struct(\"odd \"\"name\"\"\" text, n STRUCT(x double precision[]))[]",
            "MAP(VARCHAR, INTEGER[])|MAP(VARCHAR, INTEGER[])",
            "UNION(num INTEGER, str VARCHAR)|UNION(num INTEGER, str VARCHAR)",
            "map(text, struct(t timestamp(3) with time zone))|map(text, struct(t timestamp(3) with time zone))",
    })
    void acceptsTypeNamesWithPrecisionAndArraySuffixes(String text, String sql) {
        assertThat(ColumnType.parse(text).sql()).isEqualTo(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "integer); drop table x; --",
            "integer, b text",
            "text default 'x'",
            "text not null",
            "integer /* x */",
            "numeric(10,2",
            "numeric(a)",
            "numeric(10,2,3)",
            "numeric(-1)",
            "1text",
            "my.type",
            "\"text\"",
            "text[",
            "foo bar",
            "text with time zone",
            "timestamp with time zone with time zone",
            "",
            "   ",
            "text;",
            "STRUCT()",
            "STRUCT(a)",
            "STRUCT(a INTEGER,)",
            "STRUCT(a INTEGER); drop table x; --",
            "STRUCT(\"\" INTEGER)",
            "STRUCT(\"a INTEGER)",
            "MAP(VARCHAR)",
            "MAP(VARCHAR, INTEGER, INTEGER)",
            "STRUCT(a INTEGER",
            "STRUCT(a STRUCT(b STRUCT(c STRUCT(d STRUCT(e STRUCT(f STRUCT(g STRUCT(h STRUCT(i STRUCT(j STRUCT(k STRUCT(l STRUCT(m STRUCT(n STRUCT(o STRUCT(p STRUCT(q int)))))))))))))))))",
    })
    void refusesEverythingElse(String text) {
        assertThatThrownBy(() -> ColumnType.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" is not a column type; " + EXPECTED);
    }

    @Test
    void theMessageQuotesTheTypeOnOneShortLine() {
        assertThatThrownBy(() -> ColumnType.parse("integer); drop table x; --"))
                .hasMessage("\"integer); drop table x; --\" is not a column type; " + EXPECTED);
        assertThatThrownBy(() -> ColumnType.parse("int\n; drop table x"))
                .hasMessage("\"int\\n; drop table x\" is not a column type; " + EXPECTED);
        assertThatThrownBy(() -> ColumnType.parse("a;".repeat(50)))
                .hasMessage("\"" + "a;".repeat(50).substring(0, 57) + "...\" is not a column type; " + EXPECTED);
        assertThatThrownBy(() -> ColumnType.parse(null)).hasMessage("no type given; " + EXPECTED);
    }

    @Test
    void aColumnWithABadTypeFailsTheStepNamingColumnAndTable() {
        SourcePos pos = new SourcePos("flows/load.yaml", 12, 11);
        assertThatThrownBy(() -> ColumnDef.of("id", "integer); drop table x; --", "users", pos))
                .isInstanceOfSatisfying(SequorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExitCode.FLOW_FAILED);
                    assertThat(e.pos()).isEqualTo(pos);
                })
                .hasMessage("Column 'id' of table 'users': \"integer); drop table x; --\" is not a column type; "
                        + EXPECTED + ".");
    }
}
