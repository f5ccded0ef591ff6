package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The placeholders of _row: numbered when the parent's target takes the row, then read by its child rows. */
class RowNumberTest {

    private static RowNumber.Linked linked(Object... kv) {
        RowNumber.Linked m = new RowNumber.Linked();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theParentIsNumberedAsItIsTakenAndItsChildrenReadTheNumber() {
        AtomicLong next = new AtomicLong(41);
        RowNumber first = new RowNumber();
        RowNumber second = new RowNumber();
        // taken in this order, whatever order they were made in
        Map<String, Object> b = linked("_row", second, "id", 2).resolve(next::incrementAndGet);
        Map<String, Object> a = linked("_row", first, "id", 1).resolve(next::incrementAndGet);
        assertThat(b).isEqualTo(Map.of("_row", 42L, "id", 2));
        assertThat(a).isEqualTo(Map.of("_row", 43L, "id", 1));
        Map<String, Object> child = linked("_parent_row", first, "_index", 0L, "sku", "A")
                .resolve(() -> { throw new AssertionError("a child row never takes a number"); });
        assertThat(List.copyOf(child.values())).containsExactly(43L, 0L, "A");
        assertThat(first).hasToString("43");
    }

    @Test
    void aRecordTakenAgainKeepsTheNumbersItWasGiven() {
        AtomicLong next = new AtomicLong();
        RowNumber.Linked parent = linked("_row", new RowNumber(), "id", 1);
        assertThat(parent.resolve(next::incrementAndGet)).isSameAs(parent).isEqualTo(Map.of("_row", 1L, "id", 1));
        assertThat(parent.resolve(next::incrementAndGet)).isEqualTo(Map.of("_row", 1L, "id", 1));
        assertThat(next.get()).isEqualTo(1L);
    }

    @Test
    void underAMergeChildRowsCarryTheLoadNumberTheirParentTakes() {
        RowNumber load = new RowNumber();
        RowNumber.Linked parent = linked("id", 7).numberedBy(load);
        RowNumber.Linked child = linked("_parent_id", 7, "_index", 0L).childOf(load);
        assertThat(parent.loadNumber(() -> 12L)).isEqualTo("12");
        assertThat(child.loadNumber(() -> { throw new AssertionError("a child row never takes a number"); }))
                .isEqualTo("12");
        assertThat(linked("id", 8).loadNumber(() -> 13L)).isNull();
    }

    @Test
    void aChildTakenBeforeItsParentIsABug() {
        RowNumber n = new RowNumber();
        assertThatThrownBy(() -> linked("_parent_row", n).resolve(() -> 1L))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("child row taken before its parent");
    }
}
