package dev.sequor.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JMESPath over parsed bodies: selections, filters, projections, and errors without the library's noise. */
class ResponsePathTest {

    private static Object body(String json) throws Exception {
        return new ObjectMapper().readValue(json, Object.class);
    }

    private static Object select(String path, String json) throws Exception {
        return ResponsePath.compile(path).select(body(json));
    }

    @Test
    void selectsFiltersAndReshapes() throws Exception {
        String orders = """
                {"orders": [{"id": 1, "customer": {"id": 9}, "items": [{"q": 2}, {"q": 1}], "state": "paid"},
                            {"id": 2, "customer": null, "items": [], "state": "open"}], "meta": {"next": "c2"}}""";
        assertThat(select("meta.next", orders)).isEqualTo("c2");
        assertThat(select("orders[-1].id", orders)).isEqualTo(2);
        assertThat(select("orders[?state=='paid'].id", orders)).isEqualTo(List.of(1));
        assertThat(select("orders[].{id: id, customer_id: customer.id, items: sum(items[].q)}", orders))
                .hasToString("[{id=1, customer_id=9, items=3}, {id=2, customer_id=null, items=0}]");
        assertThat(select("no.such.key", orders)).isNull();
        assertThat(select("@", "[1, 2]")).isEqualTo(List.of(1, 2));
    }

    @Test
    void containsComparesAsPythonsJmespathDoes() throws Exception {
        // Python's jmespath: contains is Python's `in`, where 2 == 2.0 and True == 1
        assertThat(select("contains(@, `2.0`)", "[1, 2, 3]")).isEqualTo(true);
        assertThat(select("contains(@, `2`)", "[1.0, 2.0]")).isEqualTo(true);
        assertThat(select("contains(@, `true`)", "[1]")).isEqualTo(true);
        assertThat(select("contains(@, `[1.0, {\"a\": 2.0}]`)", "[[1, {\"a\": 2}]]")).isEqualTo(true);
        assertThat(select("contains(@, `9007199254740993`)", "[9007199254740992.0]")).isEqualTo(false);
        assertThat(select("contains(@, `2.5`)", "[1, 2]")).isEqualTo(false);
        assertThat(select("contains(@, 'b')", "[\"a\", \"b\"]")).isEqualTo(true);
        assertThat(select("contains(@, 'bc')", "\"abcd\"")).isEqualTo(true);
        assertThat(select("items[?contains(tags, `1`)].id", "{\"items\": [{\"id\": 7, \"tags\": [1.0]}]}"))
                .isEqualTo(List.of(7));
    }

    @Test
    void sumKeepsWholeNumbersWholeAndFractionsDouble() throws Exception {
        assertThat(select("sum(@)", "[1, 2, 3]")).isEqualTo(6L);
        assertThat(select("sum(@)", "[1, 2.5]")).isEqualTo(3.5);
        assertThat(select("sum(@)", "[9223372036854775807, 1]")).isEqualTo(9.223372036854775808E18);
        assertThat(select("sum(@)", "[]")).isEqualTo(0L);
    }

    @Test
    void badPathsAndTypeErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> ResponsePath.compile("data[?"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("syntax error ");
        assertThatThrownBy(() -> ResponsePath.compile(" ")).hasMessage("a path cannot be empty (write @ for the whole body)");
        assertThatThrownBy(() -> select("length(@)", "5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length");
    }
}
