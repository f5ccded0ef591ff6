package dev.sequor.expr.python;

import static dev.sequor.expr.python.PythonTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.db.Row;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Java Row becomes the prelude's Python Row with upstream's behaviour. */
class PythonRowTest {

    private static MapScope withRow() {
        return new MapScope().var("row", Row.of(List.of("id", "name", "email"), Arrays.asList(1L, "Ann", null)));
    }

    @Test
    void readsByNameAndPosition() {
        assertThat(eval("[var('row')['name'], var('row')[0], var('row')[-1]]", withRow()))
                .isEqualTo(Arrays.asList("Ann", 1L, null));
    }

    @Test
    void nullIsNone() {
        assertThat(eval("var('row')['email'] is None", withRow())).isEqualTo(true);
    }

    @Test
    void getDefaultReplacesOnlyNull() {
        assertThat(eval("[var('row').get('email', 'none'), var('row').get('name', 'x'), var('row').get('email')]",
                withRow())).isEqualTo(Arrays.asList("none", "Ann", null));
    }

    @Test
    void missingColumnIsAnError() {
        assertThatThrownBy(() -> eval("var('row')['nope']", withRow()))
                .hasMessage("Error evaluating 'value_expression': Column 'nope' does not exist");
        assertThatThrownBy(() -> eval("var('row').get('nope', 1)", withRow()))
                .hasMessage("Error evaluating 'value_expression': Column 'nope' does not exist");
        assertThatThrownBy(() -> eval("r = var('row')\nr['nope'] = 1", withRow()))
                .hasMessage("Error evaluating 'value_expression': Column 'nope' does not exist");
    }

    @Test
    void mappingMethods() {
        assertThat(eval("r = var('row')\nreturn [r.keys(), r.values(), r.items(), len(r), 'id' in r, 'x' in r, list(r)]",
                withRow())).isEqualTo(List.of(List.of("id", "name", "email"), Arrays.asList(1L, "Ann", null),
                        List.of(List.of("id", 1L), List.of("name", "Ann"), Arrays.asList("email", null)), 3L, true, false,
                        List.of("id", "name", "email")));
        assertThat(eval("type(var('row').to_dict()).__name__", withRow())).isEqualTo("dict");
    }

    @Test
    void existingColumnsCanBeAssigned() {
        Object out = eval("r = var('row')\nr['email'] = 'a@b.c'\nreturn r", withRow());
        assertThat(out).isEqualTo(Map.of("id", 1L, "name", "Ann", "email", "a@b.c"));
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) out).keySet())).containsExactly("id", "name", "email");
    }

    @Test
    void queryResultsAreRows() {
        MapScope scope = new MapScope().result("db", "select *", List.of(Row.of(List.of("a", "b"), List.of(1L, 2L))));
        assertThat(eval("r = query('db', 'select *')[0]\nreturn [type(r).__name__, r['b'], r.to_dict()]", scope))
                .isEqualTo(List.of("Row", 2L, Map.of("a", 1L, "b", 2L)));
    }

    @Test
    void numericAndTimestampColumnsAreDecimalAndDatetime() {
        MapScope scope = new MapScope().var("row", Row.of(List.of("amount", "created", "day"), Arrays.asList(
                new java.math.BigDecimal("19.99"), java.sql.Timestamp.valueOf("2024-05-06 07:08:09.5"),
                java.sql.Date.valueOf("2024-05-06"))));
        assertThat(eval("r = var('row')\nreturn [repr(r['amount']), str(r['amount'] * 3), r['created'].year, "
                + "r['created'].isoformat(), str(r['day']), r['amount']]", scope)).isEqualTo(Arrays.asList(
                "Decimal('19.99')", "59.97", 2024L, "2024-05-06T07:08:09.500000", "2024-05-06",
                new java.math.BigDecimal("19.99")));
        assertThat(eval("return var('row').to_dict()", scope)).isEqualTo(Map.of(
                "amount", new java.math.BigDecimal("19.99"),
                "created", java.time.LocalDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000),
                "day", java.time.LocalDate.of(2024, 5, 6)));
    }
}
