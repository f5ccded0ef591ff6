package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Names as PostgreSQL stores them: the first 63 bytes of UTF-8, cut before a character that would not fit whole. */
class PostgresNamesTest {

    @Test
    void aNameOf63BytesOrLessIsKept() {
        String name = "a".repeat(63);
        assertThat(PostgresNames.stored(name)).isSameAs(name);
        assertThat(PostgresNames.stored("ünïcødé 😀")).isEqualTo("ünïcødé 😀");
        assertThat(PostgresDialect.INSTANCE.stored(null)).isNull();
    }

    @Test
    void aLongerNameKeepsItsFirst63Bytes() {
        assertThat(PostgresNames.stored("b".repeat(64))).isEqualTo("b".repeat(63));
        String child = "orders__line_items_of_the_order_placed_through_the_online_store_in";
        assertThat(PostgresDialect.INSTANCE.stored(child))
                .isEqualTo("orders__line_items_of_the_order_placed_through_the_online_store");
    }

    @Test
    void aCharacterAcrossByte63IsLeftOutWhole() {
        // 62 bytes, then é (2 bytes: 63 and 64): PostgreSQL keeps 62
        assertThat(PostgresNames.stored("x".repeat(62) + "é" + "tail")).isEqualTo("x".repeat(62));
        // 60 bytes, then 😀 (4 bytes, a surrogate pair in Java): kept out whole, never half a pair
        assertThat(PostgresNames.stored("y".repeat(60) + "😀")).isEqualTo("y".repeat(60));
        String cut = PostgresNames.stored("é".repeat(40));
        assertThat(cut).isEqualTo("é".repeat(31));
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(62);
    }
}
