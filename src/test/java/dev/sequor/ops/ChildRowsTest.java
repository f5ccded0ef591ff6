package dev.sequor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.db.RowNumber;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * child_tables: how records split into parent rows and child rows, their link columns and their order; what happens
 * to empty, null and missing arrays, nested arrays, flatten on and off, with and without a primary key.
 */
class ChildRowsTest {

    private static final SourcePos POS = new SourcePos("flows/main.yaml", 7, 11);

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parents(ChildRows.Split split) {
        return (List<Map<String, Object>>) split.parents();
    }

    /**
     * Records flatten made for the split (RowNumber.Linked) become the parent rows themselves, edited in place; the
     * response's own records are copied and left as they were. Both give the same rows.
     */
    @Test
    void flattenedRecordsBecomeTheParentRowsAndTheResponsesOwnStayAsTheyWere() {
        for (List<String> key : List.of(List.<String>of(), List.of("id"))) {
            List<Object> response = List.of(
                    map("id", 1, "customer", map("email", "a@x.io"), "lines", List.of(map("sku", "A")), "gone", null),
                    map("id", 2, "customer", map("email", "b@x.io"), "lines", List.of()));
            List<Object> before = response.stream().map(r -> (Object) new LinkedHashMap<>((Map<?, ?>) r)).toList();
            Object flattened = RecordFlattener.flatten(response, 1, "orders", POS, RowNumber.Linked::new);
            ChildRows.Split edited = ChildRows.split(flattened, "orders", key, 1, POS);
            ChildRows.Split copied = ChildRows.split(RecordFlattener.flatten(response, 1, "orders", POS), "orders", key,
                    1, POS);
            assertThat(parents(edited).get(0)).isSameAs(((List<?>) flattened).get(0));
            assertThat(List.copyOf(parents(edited).get(0).keySet()))
                    .isEqualTo(List.copyOf(parents(copied).get(0).keySet()))
                    .containsExactlyElementsOf(key.isEmpty() ? List.of("_row", "id", "customer__email")
                            : List.of("id", "customer__email"));
            assertThat(parents(edited).get(1).keySet()).isEqualTo(parents(copied).get(1).keySet());
            assertThat(edited.children().get("orders__lines")).hasSize(1);
            assertThat(edited.children().keySet()).isEqualTo(copied.children().keySet());
            assertThat(response).isEqualTo(before);
        }
    }

    @Test
    void objectsBecomeChildRowsLinkedToTheirParentsRowNumber() {
        ChildRows.Split split = ChildRows.split(List.of(
                map("id", 1, "lines", List.of(map("sku", "A", "qty", 2), map("sku", "B", "qty", 1)), "note", "x"),
                map("id", 2, "lines", List.of(map("sku", "C")))), "orders", List.of(), 0, POS);
        List<Map<String, Object>> parents = parents(split);
        assertThat(parents).hasSize(2);
        // _row first, then the fields; no column for the array field
        assertThat(List.copyOf(parents.get(0).keySet())).containsExactly("_row", "id", "note");
        assertThat(parents.get(0).get("_row")).isInstanceOf(RowNumber.class);
        assertThat(parents.get(0).get("_row")).isNotSameAs(parents.get(1).get("_row"));
        assertThat(split.children()).containsOnlyKeys("orders__lines");
        List<Map<String, Object>> lines = split.children().get("orders__lines");
        assertThat(lines).hasSize(3);
        assertThat(List.copyOf(lines.get(0).keySet())).containsExactly("_parent_row", "_index", "sku", "qty");
        assertThat(lines.get(0).get("_parent_row")).isSameAs(parents.get(0).get("_row"));
        assertThat(lines.get(1).get("_parent_row")).isSameAs(parents.get(0).get("_row"));
        assertThat(lines.get(2).get("_parent_row")).isSameAs(parents.get(1).get("_row"));
        assertThat(lines.stream().map(l -> l.get("_index")).toList()).containsExactly(0L, 1L, 0L);
        assertThat(lines.get(1).get("sku")).isEqualTo("B");
        assertThat(lines.get(2)).doesNotContainKey("qty");
    }

    @Test
    void scalarsGetAValueColumnAndNullElementsStayRows() {
        ChildRows.Split split = ChildRows.split(List.of(map("id", 1, "tags", Arrays.asList("a", null, 3))), "t",
                List.of(), 0, POS);
        List<Map<String, Object>> tags = split.children().get("t__tags");
        assertThat(tags).hasSize(3);
        assertThat(List.copyOf(tags.get(0).keySet())).containsExactly("_parent_row", "_index", "value");
        assertThat(tags.stream().map(r -> r.get("value")).toList()).containsExactly("a", null, 3);
        assertThat(tags.get(1)).containsKey("value");
    }

    @Test
    void arraysInsideAnElementStayValuesOfTheChildRow() {
        ChildRows.Split split = ChildRows.split(List.of(map("id", 1, "lines", List.of(map("sku", "A", "serials",
                List.of("s1", "s2"), "meta", map("k", 1))))), "t", List.of(), 0, POS);
        assertThat(split.children()).containsOnlyKeys("t__lines");
        Map<String, Object> line = split.children().get("t__lines").get(0);
        assertThat(line.get("serials")).isEqualTo(List.of("s1", "s2"));
        assertThat(line.get("meta")).isEqualTo(map("k", 1)); // flatten off: nested objects stay as they are
    }

    @Test
    void emptyNullAndMissingArraysGiveNoChildRowsAndNoParentColumn() {
        ChildRows.Split split = ChildRows.split(List.of(map("id", 1, "tags", List.of()), map("id", 2, "tags", null),
                map("id", 3)), "t", List.of(), 0, POS);
        // an empty array still names its child table (a merge empties the children of the keys it loads)
        assertThat(split.children()).containsOnlyKeys("t__tags");
        assertThat(split.children().get("t__tags")).isEmpty();
        for (Map<String, Object> parent : parents(split)) {
            assertThat(parent).containsOnlyKeys("_row", "id");
        }
    }

    @Test
    void withFlattenArraysOfFlattenedObjectsAreNamedByTheirPathAndElementsAreFlattenedToTheSameDepth() {
        Object flat = RecordFlattener.flatten(List.of(map("id", 1, "a", map("items", List.of(map("x", map("y",
                map("z", 1))))), "b", map("c", 2))), 2, "t", POS);
        ChildRows.Split split = ChildRows.split(flat, "t", List.of(), 2, POS);
        assertThat(List.copyOf(parents(split).get(0).keySet())).containsExactly("_row", "id", "b__c");
        assertThat(split.children()).containsOnlyKeys("t__a__items");
        Map<String, Object> item = split.children().get("t__a__items").get(0);
        assertThat(List.copyOf(item.keySet())).containsExactly("_parent_row", "_index", "x__y__z");
        assertThat(item.get("x__y__z")).isEqualTo(1);
    }

    @Test
    void withAPrimaryKeyChildRowsCarryTheParentsKeyValuesAndTheParentHasNoRowNumber() {
        ChildRows.Split split = ChildRows.split(List.of(map("shop", "s1", "id", 7L, "items", List.of(map("sku",
                "A")))), "orders", List.of("shop", "id"), 0, POS);
        assertThat(List.copyOf(parents(split).get(0).keySet())).containsExactly("shop", "id");
        Map<String, Object> item = split.children().get("orders__items").get(0);
        assertThat(item).isEqualTo(map("_parent_shop", "s1", "_parent_id", 7L, "_index", 0L, "sku", "A"));
        assertThat(List.copyOf(item.keySet())).containsExactly("_parent_shop", "_parent_id", "_index", "sku");
    }

    @Test
    void withAPrimaryKeyEveryRecordNeedsItsKey() {
        assertThatThrownBy(() -> ChildRows.split(List.of(map("id", 1, "items", List.of()), map("items", List.of())),
                "orders", List.of("id"), 0, POS)).isInstanceOf(SequorException.class).hasMessageContaining(
                "Record 2 of this response for table 'orders' has no value for its primary_key column 'id', which"
                        + " child_tables links its child rows by; every record of a merge needs its key.");
    }

    @Test
    void recordsThatAreNotObjectsPassForTheWriteToReport() {
        List<Object> data = new ArrayList<>(List.of("text", map("id", 1)));
        assertThat(((List<?>) ChildRows.split(data, "t", List.of(), 0, POS).parents()).get(0)).isEqualTo("text");
        assertThat(ChildRows.split("not a list", "t", List.of(), 0, POS).parents()).isEqualTo("not a list");
    }

    @Test
    void fieldsThatCollideWithTheLinkColumnsAreErrors() {
        assertThatThrownBy(() -> ChildRows.split(List.of(map("id", 1, "lines", List.of(map("_index", 5)))),
                "orders", List.of(), 0, POS)).isInstanceOf(SequorException.class).hasMessageContaining(
                "Element 0 of an array for child table 'orders__lines' has a field '_index', a name child_tables uses"
                        + " to link child rows to their parent; rename the field before it lands (data_expression), or"
                        + " turn child_tables off.");
        assertThatThrownBy(() -> ChildRows.split(List.of(map("id", 1), map("_row", 2)), "orders", List.of(), 0, POS))
                .isInstanceOf(SequorException.class).hasMessageContaining("Record 2 of this response for table"
                        + " 'orders' has a field '_row', the column child_tables numbers parent rows with when the"
                        + " table has no primary key;");
    }
}
