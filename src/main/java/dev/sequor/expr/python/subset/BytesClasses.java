package dev.sequor.expr.python.subset;

/**
 * The character-class tests of bytes: {@code isdigit isalpha isalnum isspace isupper islower istitle isascii}, on
 * ASCII only as CPython's (a byte above 127 is no letter, digit or space), and False for empty bytes but
 * {@code isascii}.
 */
final class BytesClasses {

    private BytesClasses() {
    }

    static boolean test(String name, byte[] b) {
        return switch (name) {
            case "isascii" -> all(b, c -> c < 128);
            case "isdigit" -> b.length > 0 && all(b, BytesClasses::isDigit);
            case "isalpha" -> b.length > 0 && all(b, BytesClasses::isLetter);
            case "isalnum" -> b.length > 0 && all(b, c -> isLetter(c) || isDigit(c));
            case "isspace" -> b.length > 0 && all(b, c -> c == ' ' || c >= '\t' && c <= '\r');
            case "isupper" -> cased(b, true);
            case "islower" -> cased(b, false);
            case "istitle" -> isTitle(b);
            default -> throw new IllegalStateException(name);
        };
    }

    private static boolean all(byte[] b, java.util.function.IntPredicate p) {
        for (byte x : b) {
            if (!p.test(x & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return isUpper(c) || isLower(c);
    }

    private static boolean isUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    /** At least one cased letter, and none of the other case. */
    private static boolean cased(byte[] b, boolean upper) {
        boolean seen = false;
        for (byte x : b) {
            int c = x & 0xff;
            if (upper ? isLower(c) : isUpper(c)) {
                return false;
            }
            seen |= upper ? isUpper(c) : isLower(c);
        }
        return seen;
    }

    /** Upper case letters only after uncased bytes, lower case ones only after cased ones; at least one cased. */
    private static boolean isTitle(byte[] b) {
        return StrClasses.isTitleCased(java.util.stream.IntStream.range(0, b.length).map(i -> b[i] & 0xff).iterator(),
                BytesClasses::isUpper, BytesClasses::isLower);
    }
}
