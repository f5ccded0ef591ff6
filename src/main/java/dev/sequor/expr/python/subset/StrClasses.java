package dev.sequor.expr.python.subset;

/** The {@code is...} predicates of str over whole strings, with GraalPy's rules for cased characters. */
final class StrClasses {

    private StrClasses() {
    }

    /** isalnum, isalpha, isascii...: every code point in the class; the empty string only is printable and ascii. */
    static boolean every(String s, String name) {
        if (s.isEmpty()) {
            return name.equals("isprintable") || name.equals("isascii");
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean in = switch (name) {
                case "isalnum" -> Unicode.isAlnum(cp);
                case "isalpha" -> Unicode.isAlpha(cp);
                case "isascii" -> cp < 128;
                case "isdecimal" -> Unicode.isDecimal(cp);
                case "isdigit" -> Unicode.isDigit(cp);
                case "isnumeric" -> Unicode.isNumeric(cp);
                case "isprintable" -> Unicode.isPrintable(cp);
                case "isspace" -> Unicode.isSpace(cp);
                default -> throw new IllegalArgumentException(name);
            };
            if (!in) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!Unicode.isIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Unicode.isIdentifierPart(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** No upper or title case character, and at least one lower case one. */
    static boolean isLower(String s) {
        boolean lower = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Unicode.isUpper(cp) || Unicode.isTitle(cp)) {
                return false;
            }
            lower |= Unicode.isLower(cp);
        }
        return lower;
    }

    /** No lower or title case character, and at least one upper case one. */
    static boolean isUpper(String s) {
        boolean upper = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Unicode.isLower(cp) || Unicode.isTitle(cp)) {
                return false;
            }
            upper |= Unicode.isUpper(cp);
        }
        return upper;
    }

    /** Upper (or title) case characters only after uncased ones, lower case only after cased ones; some cased. */
    static boolean isTitle(String s) {
        return isTitleCased(s.codePoints().iterator(), cp -> Unicode.isUpper(cp) || Unicode.isTitle(cp),
                Unicode::isLower);
    }

    /**
     * Python's {@code istitle} over {@code units} (a str's code points, or bytes): {@code upper} units only after
     * uncased ones, {@code lower} ones only after cased ones, at least one cased.
     */
    static boolean isTitleCased(java.util.PrimitiveIterator.OfInt units, java.util.function.IntPredicate upper,
                                java.util.function.IntPredicate lower) {
        boolean cased = false;
        boolean previousCased = false;
        while (units.hasNext()) {
            int c = units.nextInt();
            if (upper.test(c)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else if (lower.test(c)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
        }
        return cased;
    }
}
