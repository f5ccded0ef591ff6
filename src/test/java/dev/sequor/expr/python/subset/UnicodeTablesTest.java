package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Every code point through the character classes and case mappings of str, checked against sums and checksums
 * GraalPy 25.2 computed over the same loops:
 * {@code sum(i for i in range(0x110000) if chr(i).isdigit())} and
 * {@code zlib.crc32(''.join(chr(i).upper() for i in range(0x110000) if not 0xd800 <= i < 0xe000).encode())}.
 */
class UnicodeTablesTest {

    @Test
    void classesOfEveryCodePoint() {
        List<String> predicates = List.of("isdigit", "isnumeric", "isdecimal", "isalpha", "isalnum", "isprintable",
                "isupper", "islower", "istitle", "isidentifier", "isspace");
        long[] expected = {44368669L, 116623774L, 40623335L, 16169005246L, 16280671617L, 17258563829L, 99712749L,
                120352567L, 99933263L, 16181327416L, 141704L};
        for (int k = 0; k < predicates.size(); k++) {
            long sum = 0;
            for (int cp = 0; cp < 0x110000; cp++) {
                if ((Boolean) StrMethods.call(new String(Character.toChars(cp)), predicates.get(k), new Object[0], null)) {
                    sum += cp;
                }
            }
            assertEquals(expected[k], sum, predicates.get(k));
        }
    }

    @Test
    void caseMappingsOfEveryCodePoint() {
        List<String> methods = List.of("upper", "lower", "casefold", "swapcase", "title", "capitalize");
        long[] expected = {1963790650L, 585677604L, 3727131474L, 1878839519L, 3172863111L, 3172863111L};
        for (int k = 0; k < methods.size(); k++) {
            StringBuilder all = new StringBuilder();
            for (int cp = 0; cp < 0x110000; cp++) {
                if (cp < 0xD800 || cp >= 0xE000) {
                    all.append((String) StrMethods.call(new String(Character.toChars(cp)), methods.get(k), new Object[0], null));
                }
            }
            CRC32 crc = new CRC32();
            crc.update(all.toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(expected[k], crc.getValue(), methods.get(k));
        }
    }
}
