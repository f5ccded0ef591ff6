package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpResponseData#json()} reads decimals with Jackson's fast double parser: the same Doubles as
 * {@link Double#parseDouble}, and otherwise the very values (classes, key order) and errors of Jackson's defaults.
 */
class HttpResponseDataTest {

    /** Jackson's defaults, but for trailing tokens: a body must be one document, as for Python's json.loads. */
    private static final ObjectMapper DEFAULTS = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static Object json(String body) {
        return new HttpResponseData(200, Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8)).json();
    }

    @Test
    void decimalsAreParsedAsParseDoubleDoes() throws Exception {
        Random r = new Random(42L);
        List<String> numbers = new ArrayList<>(List.of("0.0", "-0.0", "-0e0", "0E-400", "1e-400", "4.9e-324", "2.4e-324",
                "2.5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "1.7976931348623157e308",
                "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e309", "2.2250738585072011e-308",
                "2.2250738585072012e-308", "9007199254740993.0", "9007199254740993.0000000000000000001",
                "0.1", "0.30000000000000004", "123456789012345678901234567890.123456789", "1E+3", "1e-7", "1e21"));
        for (int i = 0; i < 30_000; i++) {
            switch (i % 6) {
                case 0 -> {
                    double d = Double.longBitsToDouble(r.nextLong());
                    if (Double.isFinite(d)) {
                        numbers.add(Double.toString(d));
                    }
                }
                case 1 -> numbers.add(digits(r, 1 + r.nextInt(20)) + "." + digits(r, 1 + r.nextInt(20))
                        + "e" + (r.nextInt(680) - 340));
                case 2 -> numbers.add((r.nextBoolean() ? "-" : "") + digits(r, 1 + r.nextInt(800)) + ".0");
                case 3 -> numbers.add("0." + "0".repeat(r.nextInt(330)) + digits(r, 1 + r.nextInt(40)));
                default -> {
                    // the exact midpoint between two neighbouring doubles, and the decimals just either side of it
                    double d = Math.abs(Double.longBitsToDouble(r.nextLong()));
                    if (!Double.isFinite(d) || d == Double.MAX_VALUE) {
                        continue;
                    }
                    BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d)))
                            .divide(BigDecimal.valueOf(2));
                    String m = mid.toString();
                    String plain = m.contains(".") || m.contains("E") ? m : m + ".0";
                    numbers.add(plain);
                    BigDecimal tiny = BigDecimal.ONE.movePointLeft(mid.scale() + 5);
                    numbers.add(mid.add(tiny).toString());
                    numbers.add(mid.subtract(tiny).toString());
                }
            }
        }
        for (int from = 0; from < numbers.size(); from += 1000) {
            List<String> chunk = numbers.subList(from, Math.min(from + 1000, numbers.size()));
            String body = "[" + String.join(",", chunk) + "]";
            assertThat(assertReadAsDefaults(body)).isEqualTo("value");
            List<?> read = (List<?>) json(body);
            for (int i = 0; i < chunk.size(); i++) {
                Object expected = chunk.get(i).matches("-?[0-9]+") ? null : Double.parseDouble(chunk.get(i));
                if (expected != null) {
                    assertThat(read.get(i)).as(chunk.get(i)).isInstanceOf(Double.class).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void documentsReadAsJacksonDefaultsReadThem() throws Exception {
        Random r = new Random(7L);
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            document(r, sb, 0);
            String body = (r.nextBoolean() ? " \n" : "") + sb
                    + (r.nextInt(4) == 0 ? " trailing ]" : r.nextBoolean() ? " \r\n\t" : "");
            outcomes.merge(assertReadAsDefaults(body), 1, Integer::sum);
        }
        // a quarter followed by text, invalid; of the rest mostly values (trailing whitespace read), and a few documents
        // Jackson rejects (escaped surrogate pairs in names) must stay rejected
        assertThat(outcomes.get("value")).isGreaterThan(2_000);
        assertThat(outcomes.get("invalid")).isGreaterThan(600);
    }

    @Test
    void numberClassesAndDuplicateKeys() {
        Object v = json("{\"a\":1,\"b\":2147483648,\"c\":9223372036854775808,\"d\":1.5,\"e\":1E2,\"a\":-3}");
        assertThat(v).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) v).keySet())).containsExactly("a", "b", "c", "d", "e");
        assertThat(new ArrayList<Object>(((Map<?, ?>) v).values())).containsExactly(-3, 2147483648L,
                new BigInteger("9223372036854775808"), 1.5, 100.0);
    }

    /** LiveTransport.prepare runs it and ignores a failure (it is only a head start): a broken document would go unnoticed. */
    @Test
    void theWarmUpDocumentParses() {
        assertThatCode(HttpResponseData::warmUp).doesNotThrowAnyException();
    }

    @Test
    void errorsAreUnchanged() throws Exception {
        assertThatThrownBy(() -> new HttpResponseData(204, Map.of(), new byte[0]).json())
                .hasMessage("Response body is empty (status 204): there is no JSON to read; check response.text() "
                        + "or the status first.");
        assertThatThrownBy(() -> json(" \n "))
                .hasMessage("Response body is not valid JSON (status 200, Content-Type application/json):  \n ");
        assertThatThrownBy(() -> json("{\"a\": 1.5e}"))
                .hasMessage("Response body is not valid JSON (status 200, Content-Type application/json): {\"a\": 1.5e}");
        // past a StreamReadConstraints limit of the default mapper: the same limit named; within them: the same value
        assertThat(assertReadAsDefaults("[" + "1".repeat(1001) + ".5]")).isEqualTo("limit");
        assertThat(assertReadAsDefaults("[" + "7".repeat(1001) + "]")).isEqualTo("limit");
        assertThat(assertReadAsDefaults("{\"a\":1e" + "1".repeat(1000) + "}")).isEqualTo("limit");
        assertThat(assertReadAsDefaults("[".repeat(1001) + "]".repeat(1001))).isEqualTo("limit");
        assertThat(assertReadAsDefaults("[".repeat(1000) + "]".repeat(1000))).isEqualTo("value");
        for (int n = 996; n <= 1002; n++) {
            assertReadAsDefaults("[0." + "1".repeat(n) + "]");
            assertReadAsDefaults("[-" + "1".repeat(n) + "e5]");
        }
        assertThat(json("-0.0")).isEqualTo(-0.0);
    }

    /** Python's json.loads refuses "Extra data" after the document: so does Sequor, but for trailing whitespace. */
    @Test
    void textAfterTheDocumentIsNotValidJson() {
        assertThatThrownBy(() -> json("{\"data\":[{\"a\":1}]}<html>oops</html>"))
                .hasMessage("Response body is not valid JSON (status 200, Content-Type application/json): "
                        + "{\"data\":[{\"a\":1}]}<html>oops</html>");
        assertThatThrownBy(() -> json("{\"data\":[]}{\"x\":1}"))
                .hasMessage("Response body is not valid JSON (status 200, Content-Type application/json): "
                        + "{\"data\":[]}{\"x\":1}");
        assertThatThrownBy(() -> json("[1.25] {"))
                .hasMessageStartingWith("Response body is not valid JSON (status 200, ");
        assertThatThrownBy(() -> json("1 2"))
                .hasMessageStartingWith("Response body is not valid JSON (status 200, ");
        assertThat(json("{\"data\":[{\"a\":1}]} \r\n\t\n")).isEqualTo(Map.of("data", List.of(Map.of("a", 1))));
        assertThat(json("[1.25]\n")).isEqualTo(List.of(1.25));
    }

    /**
     * Asserts that {@code body} reads as the default mapper reads it from the same bytes: the same value, the same
     * limit named, or not valid JSON for both; says which of "value", "limit" or "invalid" it was.
     */
    private static String assertReadAsDefaults(String body) throws Exception {
        Object expected;
        try {
            expected = DEFAULTS.readValue(body.getBytes(StandardCharsets.UTF_8), Object.class);
        } catch (StreamConstraintsException e) {
            assertThatThrownBy(() -> json(body)).hasMessage(
                    "Response body is JSON beyond what Sequor reads (status 200): " + e.getOriginalMessage());
            return "limit";
        } catch (IOException e) {
            assertThatThrownBy(() -> json(body))
                    .hasMessageStartingWith("Response body is not valid JSON (status 200, Content-Type application/json): ");
            return "invalid";
        }
        assertSame(json(body), expected);
        return "value";
    }

    /** The same values, in the same order, of the same classes. */
    private static void assertSame(Object actual, Object expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> em) {
            Map<?, ?> am = (Map<?, ?>) actual;
            assertThat(new ArrayList<Object>(am.keySet())).isEqualTo(new ArrayList<Object>(em.keySet()));
            for (Object k : em.keySet()) {
                assertSame(am.get(k), em.get(k));
            }
        } else if (expected instanceof List<?> el) {
            List<?> al = (List<?>) actual;
            assertThat(al).hasSameSizeAs(el);
            Iterator<?> a = al.iterator();
            for (Object e : el) {
                assertSame(a.next(), e);
            }
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static void document(Random r, StringBuilder sb, int depth) {
        switch (r.nextInt(depth > 5 ? 7 : 9)) {
            case 0 -> sb.append(r.nextBoolean() ? "true" : r.nextBoolean() ? "false" : "null");
            case 1 -> sb.append(switch (r.nextInt(4)) {
                case 0 -> r.nextInt();
                case 1 -> r.nextLong();
                case 2 -> new BigInteger(64 + r.nextInt(100), r).negate();
                default -> r.nextInt(3) - 1;
            });
            case 2 -> sb.append(Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20)));
            case 3 -> sb.append(r.nextInt(100_000) / 100.0).append(r.nextBoolean() ? "" : "e" + (r.nextInt(20) - 10));
            case 4, 5, 6 -> string(r, sb);
            case 7 -> {
                sb.append('{');
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(r.nextBoolean() ? " " : "");
                    if (r.nextInt(4) == 0) {
                        sb.append("\"k").append(r.nextInt(3)).append('"');
                    } else {
                        string(r, sb);
                    }
                    sb.append(':');
                    document(r, sb, depth + 1);
                }
                sb.append('}');
            }
            default -> {
                sb.append('[');
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "");
                    document(r, sb, depth + 1);
                }
                sb.append(']');
            }
        }
    }

    private static void string(Random r, StringBuilder sb) {
        sb.append('"');
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(7)) {
                case 0 -> sb.append("\\\"\\\\\\/\\b\\f\\n\\r\\t".substring(2 * r.nextInt(8)).substring(0, 2));
                case 1 -> sb.append(String.format("\\u%04x", r.nextInt(0xd800)));
                case 2 -> sb.append(String.format("\\u%04x\\u%04x", 0xd800 + r.nextInt(0x400), 0xdc00 + r.nextInt(0x400)));
                case 3 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 4 -> sb.append(r.nextBoolean() ? 'é' : '\uffff');
                default -> sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        sb.append('"');
    }
}
