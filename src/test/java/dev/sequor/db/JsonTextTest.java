package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The hand-written JSON writer writes exactly the text Jackson writes, and leaves to Jackson what it does not know. */
class JsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-7, 1e-6, 1e-3, 1e7, 1e10, 1e21, 1e22,
        1.5e300, -2.5e-300, Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 123456789.125, 9007199254740993.0,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0 / 3, 2.0 / 3, 100.0, 0.5};

    private static final String[] DECIMALS = {"1E+3", "0.000001", "0.0000001", "1.50", "-0", "0E-10", "123456789012345678901234567890.5",
        "1E-400", "-7.25E+12", "0.10", "1E+1", "100", "12.3456E-7"};

    private static String jackson(Object v) throws Exception {
        return JACKSON.writeValueAsString(v);
    }

    @Test
    void handPicked() throws Exception {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, 2.5, -0.0, 1e21, 1e-7, Double.NaN, Double.NEGATIVE_INFINITY));
        m.put("a", "q\"b\\s/\u0001\u001f\t\n\r\b\f\u007f\u2028é😀");
        m.put(3, new BigDecimal("1E+3"));
        m.put(2.5, new Object[] {new BigDecimal("0.000001"), new BigInteger("123456789012345678901234567890"), 1.5f,
            Float.NaN, (short) 7, (byte) -8, 9L, true, null});
        m.put("e", Map.of());
        String expected = "{\"b\":[1,2.5,-0.0,1.0E21,1.0E-7,\"NaN\",\"-Infinity\"],"
                + "\"a\":\"q\\\"b\\\\s/\\u0001\\u001F\\t\\n\\r\\b\\f\u007f\u2028é😀\","
                + "\"3\":1E+3,"
                + "\"2.5\":[0.000001,123456789012345678901234567890,1.5,\"NaN\",7,-8,9,true,null],"
                + "\"e\":{}}";
        assertThat(jackson(m)).isEqualTo(expected);
        assertThat(JsonText.write(m)).isEqualTo(expected);
        assertThat(JsonText.write(List.of())).isEqualTo("[]");
        assertThat(JsonText.write(1e10)).isEqualTo("1.0E10");
    }

    @Test
    void everyCharacterEscapedAsJacksonDoes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\ud800\udc00\udbff\udfff\ud800x\udc00\uffff\ufffe");
        String s = all.toString();
        assertThat(JsonText.write(s)).isEqualTo(jackson(s));
        assertThat(JsonText.write(Map.of(s, s))).isEqualTo(jackson(Map.of(s, s)));
    }

    /** A NUL is the escape, not an escaped backslash followed by u0000, in text either writer wrote. */
    @Test
    void holdsNulOnlyWhereTheTextEscapesOne() throws Exception {
        assertThat(JsonText.holdsNul(JsonText.write(Map.of("k", "x\u0000y")))).isTrue();
        assertThat(JsonText.holdsNul(JsonText.write(List.of("\\", "\u0000")))).isTrue();
        assertThat(JsonText.holdsNul(ValueText.json(Map.of("\u0000", 1)))).isTrue();
        assertThat(JsonText.holdsNul(JsonText.write(Map.of("k", "\\u0000")))).isFalse();
        assertThat(JsonText.holdsNul(JsonText.write(Map.of("k", "\\\\u0000 u0000")))).isFalse();
        assertThat(JsonText.holdsNul(JsonText.write(Map.of("k", "\u0001")))).isFalse();
    }

    @Test
    void generatedValuesMatchJackson() throws Exception {
        Random r = new Random(20260312L);
        for (int i = 0; i < 20_000; i++) {
            Object v = value(r, 0);
            String text = JsonText.write(v);
            assertThat(text).as("value %s", v).isNotNull().isEqualTo(jackson(v));
            assertThat(ValueText.json(v)).isEqualTo(text);
        }
    }

    @Test
    void numbersMatchJackson() throws Exception {
        Random r = new Random(7L);
        for (int i = 0; i < 20_000; i++) {
            List<Object> v = List.of(Double.longBitsToDouble(r.nextLong()), Float.intBitsToFloat(r.nextInt()),
                    r.nextDouble() * Math.pow(10, r.nextInt(60) - 30), r.nextLong(), r.nextInt(),
                    new BigDecimal(new BigInteger(r.nextInt(200) + 1, r), r.nextInt(80) - 40),
                    new BigInteger(r.nextInt(200) + 1, r).negate());
            assertThat(JsonText.write(v)).isEqualTo(jackson(v));
        }
    }

    /** Values with anything else inside are written by Jackson, whole; so is a map with a null key (an error there). */
    @Test
    void otherValuesAreLeftToJackson() throws Exception {
        Map<String, Object> withDate = new LinkedHashMap<>();
        withDate.put("a", 1);
        withDate.put("d", List.of(LocalDate.of(2024, 1, 1)));
        assertThat(JsonText.write(withDate)).isNull();
        assertThat(ValueText.json(withDate)).isEqualTo("{\"a\":1,\"d\":[\"2024-01-01\"]}");
        assertThat(JsonText.write(List.of(new byte[] {1, 2}))).isNull();
        assertThat(ValueText.json(List.of(new byte[] {1, 2}))).isEqualTo(jackson(List.of(new byte[] {1, 2})));
        assertThat(JsonText.write(List.of('c'))).isNull();
        assertThat(JsonText.write(Map.of(true, 1))).isNull();
        assertThat(ValueText.json(Map.of(true, 1))).isEqualTo(jackson(Map.of(true, 1)));

        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThat(JsonText.write(nullKey)).isNull();
        assertThat(ValueText.json(nullKey)).isEqualTo("{null=1}");
    }

    /** Deep nesting goes to Jackson, which has its own limit (and error) past 1000 levels. */
    @Test
    void deepNestingIsLeftToJackson() throws Exception {
        Object v = "x";
        for (int i = 0; i < 800; i++) {
            v = List.of(v);
        }
        assertThat(JsonText.write(v)).isNull();
        assertThat(ValueText.json(v)).isEqualTo(jackson(v));
        Object shallow = "x";
        for (int i = 0; i < 400; i++) {
            shallow = i % 2 == 0 ? List.of(shallow) : Map.of("k", shallow);
        }
        assertThat(JsonText.write(shallow)).isEqualTo(jackson(shallow));
    }

    private static Object value(Random r, int depth) {
        int kind = r.nextInt(depth > 4 ? 12 : 16);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt();
            case 3 -> r.nextLong();
            case 4 -> DOUBLES[r.nextInt(DOUBLES.length)] * (r.nextBoolean() ? 1 : r.nextInt(1000));
            case 5 -> (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            case 6 -> new BigDecimal(DECIMALS[r.nextInt(DECIMALS.length)]);
            case 7 -> new BigInteger(r.nextInt(130) + 1, r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
            case 8 -> (short) r.nextInt();
            case 9 -> (byte) r.nextInt();
            case 10, 11 -> string(r);
            case 12 -> {
                int n = r.nextInt(5);
                Map<Object, Object> m = r.nextInt(4) == 0 ? new TreeMap<>() : new LinkedHashMap<>();
                boolean stringKeys = m instanceof TreeMap || r.nextInt(3) > 0;
                for (int i = 0; i < n; i++) {
                    Object key = stringKeys ? string(r) : switch (r.nextInt(5)) {
                        case 0 -> r.nextInt(100);
                        case 1 -> r.nextLong();
                        case 2 -> DOUBLES[r.nextInt(DOUBLES.length)];
                        case 3 -> new BigDecimal(DECIMALS[r.nextInt(DECIMALS.length)]);
                        default -> string(r);
                    };
                    m.put(key, value(r, depth + 1));
                }
                yield m;
            }
            case 13 -> {
                int n = r.nextInt(5);
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    l.add(value(r, depth + 1));
                }
                yield switch (r.nextInt(3)) {
                    case 0 -> l;
                    case 1 -> l.toArray();
                    default -> new LinkedHashSet<>(l);
                };
            }
            case 14 -> Arrays.asList(value(r, depth + 1), value(r, depth + 1));
            default -> new Object[] {value(r, depth + 1)};
        };
    }

    private static String string(Random r) {
        int n = r.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append((char) r.nextInt(0x20));
                case 1 -> sb.append("\"\\/'".charAt(r.nextInt(4)));
                case 2 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 3 -> sb.append(r.nextBoolean() ? '\u2028' : '\u2029');
                case 4 -> sb.append((char) r.nextInt(0x10000));
                case 5 -> sb.append((char) (0x7f + r.nextInt(0x30)));
                default -> sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
