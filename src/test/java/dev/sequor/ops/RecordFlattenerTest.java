package dev.sequor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** flatten: which nested objects become columns, their names and order, and what stays as it is. */
class RecordFlattenerTest {

    private static final SourcePos POS = new SourcePos("flows/main.yaml", 7, 11);

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rows(Object flattened) {
        return (List<Object>) flattened;
    }

    @Test
    void nestedObjectsBecomeColumnsInFieldOrderUpToTheDepth() {
        Map<String, Object> record = map("id", 1, "customer", map("email", "a@x.io", "address", map("city", "Oslo",
                "geo", map("lat", 59.9))), "tags", List.of("a"), "after", "z");
        assertThat(rows(RecordFlattener.flatten(List.of(record), 1, "orders", POS))).containsExactly(map("id", 1,
                "customer__email", "a@x.io", "customer__address", map("city", "Oslo", "geo", map("lat", 59.9)), "tags",
                List.of("a"), "after", "z"));
        Map<?, ?> two = (Map<?, ?>) rows(RecordFlattener.flatten(List.of(record), 2, "orders", POS)).get(0);
        assertThat(List.<Object>copyOf(two.keySet())).containsExactly("id", "customer__email", "customer__address__city",
                "customer__address__geo", "tags", "after");
        assertThat(two.get("customer__address__geo")).isEqualTo(map("lat", 59.9));
    }

    @Test
    void emptyObjectsVanishNullsStayAndOtherRowsPass() {
        List<Object> out = rows(RecordFlattener.flatten(List.of(map("a", map(), "b", null), "not a record"), 3, "t",
                POS));
        assertThat(out).containsExactly(map("b", null), "not a record");
        assertThat(RecordFlattener.flatten("text", 1, "t", POS)).isEqualTo("text");
    }

    @Test
    void aNameGivenTwiceIsAnError() {
        List<Object> rows = List.of(map("id", 1), map("a__b", 1, "a", map("b", 2)));
        assertThatThrownBy(() -> RecordFlattener.flatten(rows, 1, "orders", POS)).isInstanceOf(SequorException.class)
                .hasMessageContaining("Flattening record 2 of this response for table 'orders' gives the column"
                        + " 'a__b' twice: the record has a field of that name and a nested field that flattens to it,"
                        + " and a table cannot hold both.");
    }

    @Test
    void depthComesFromFlattenAndMaxNesting() {
        assertThat(RecordFlattener.depth(null, null, "table 't'", POS)).isZero();
        assertThat(RecordFlattener.depth(false, null, "table 't'", POS)).isZero();
        assertThat(RecordFlattener.depth(true, null, "table 't'", POS)).isEqualTo(1);
        assertThat(RecordFlattener.depth("True", "3", "table 't'", POS)).isEqualTo(3);
        assertThatThrownBy(() -> RecordFlattener.depth("yes", null, "table 't'", POS))
                .hasMessageContaining("'flatten' of table 't' must be true or false, not str 'yes'.");
        assertThatThrownBy(() -> RecordFlattener.depth(false, 2L, "table 't'", POS))
                .hasMessageContaining("'max_nesting' of table 't' is used only with flatten: true.");
        assertThatThrownBy(() -> RecordFlattener.depth(true, 0L, "table 't'", POS)).hasMessageContaining("max_nesting");
    }
}
