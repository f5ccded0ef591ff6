package dev.sequor.expr.python.subset;

import java.util.Locale;
import org.graalvm.shadowed.com.ibm.icu.lang.UCharacter;
import org.graalvm.shadowed.com.ibm.icu.lang.UProperty;
import org.graalvm.shadowed.com.ibm.icu.text.CaseMap;

/**
 * Character classes and case mappings of Python's str, answered from the ICU tables GraalPy itself ships and uses
 * for the same methods, so that {@code isdigit}, {@code title} or {@code casefold} give GraalPy's answer for every
 * code point (Java's Character has no numeric type, no full title case and no full case folding).
 */
final class Unicode {

    /** Title-cases a whole string as one word, as GraalPy's capitalize and title segments do. */
    private static final CaseMap.Title TITLE = CaseMap.toTitle().wholeString().noBreakAdjustment();
    private static final int CAPITAL_SIGMA = 0x3A3;

    private Unicode() {
    }

    /** Python's whitespace (str.isspace, split(), strip()): CPython's fixed table. */
    static boolean isSpace(int cp) {
        return switch (cp) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001,
                    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F,
                    0x205F, 0x3000 -> true;
            default -> false;
        };
    }

    /** Line boundaries of str.splitlines in GraalPy, which (unlike CPython) does not break at \x1c, \x1d, \x1e. */
    static boolean isLineBreak(int cp) {
        return switch (cp) {
            // the file, group and record separators too, as CPython's str.splitlines (GraalPy 25.2 leaves them)
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029 -> true;
            default -> false;
        };
    }

    static boolean isAlpha(int cp) {
        return UCharacter.isLetter(cp);
    }

    static boolean isDecimal(int cp) {
        return UCharacter.isDigit(cp);
    }

    static boolean isDigit(int cp) {
        int type = UCharacter.getIntPropertyValue(cp, UProperty.NUMERIC_TYPE);
        return type == UCharacter.NumericType.DECIMAL || type == UCharacter.NumericType.DIGIT;
    }

    static boolean isNumeric(int cp) {
        int type = UCharacter.getIntPropertyValue(cp, UProperty.NUMERIC_TYPE);
        return type == UCharacter.NumericType.DECIMAL || type == UCharacter.NumericType.DIGIT
                || type == UCharacter.NumericType.NUMERIC;
    }

    static boolean isAlnum(int cp) {
        return UCharacter.isLetter(cp) || isNumeric(cp);
    }

    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (UCharacter.getType(cp)) {
            case UCharacter.CONTROL, UCharacter.FORMAT, UCharacter.SURROGATE, UCharacter.PRIVATE_USE,
                    UCharacter.UNASSIGNED, UCharacter.LINE_SEPARATOR, UCharacter.PARAGRAPH_SEPARATOR,
                    UCharacter.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    static boolean isUpper(int cp) {
        return UCharacter.isUUppercase(cp);
    }

    static boolean isLower(int cp) {
        return UCharacter.isULowercase(cp);
    }

    static boolean isTitle(int cp) {
        return UCharacter.isTitleCase(cp);
    }

    static boolean isIdentifierStart(int cp) {
        return cp == '_' || UCharacter.hasBinaryProperty(cp, UProperty.XID_START);
    }

    static boolean isIdentifierPart(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.XID_CONTINUE);
    }

    static String upper(String s) {
        // ASCII text (emails, codes, keys) needs no Unicode tables: loading ICU's costs start-up time
        return isAscii(s) ? s.toUpperCase(Locale.ROOT) : UCharacter.toUpperCase(Locale.ROOT, s);
    }

    static String lower(String s) {
        return isAscii(s) ? s.toLowerCase(Locale.ROOT) : UCharacter.toLowerCase(Locale.ROOT, s);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String casefold(String s) {
        return UCharacter.foldCase(s, true);
    }

    /** The whole string title-cased as a single word: first cased character to title case, the rest lowered. */
    static String capitalize(String s) {
        return s.isEmpty() ? s : TITLE.apply(Locale.ROOT, null, s);
    }

    /**
     * str.title() as GraalPy does it: the string is cut after each character that is neither upper nor lower case
     * (that character closes the piece before it and is title-cased with it, so a titlecase letter such as U+01C5
     * after a word is lowered), and each piece is title-cased as one word.
     */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int start = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!UCharacter.isULowercase(cp) && !UCharacter.isUUppercase(cp)) {
                if (start == i) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append(TITLE.apply(Locale.ROOT, null, s.substring(start, next)));
                }
                start = next;
            }
            i = next;
        }
        if (start < s.length()) {
            sb.append(TITLE.apply(Locale.ROOT, null, s.substring(start)));
        }
        return sb.toString();
    }

    /** str.swapcase(), with CPython's final-sigma rule for a capital sigma turned lower. */
    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            String one = s.substring(i, i + n);
            if (UCharacter.isUUppercase(cp)) {
                if (cp == CAPITAL_SIGMA) {
                    sb.appendCodePoint(isFinalSigma(s, i) ? 0x3C2 : 0x3C3);
                } else {
                    sb.append(UCharacter.toLowerCase(Locale.ROOT, one));
                }
            } else if (UCharacter.isULowercase(cp)) {
                sb.append(UCharacter.toUpperCase(Locale.ROOT, one));
            } else {
                sb.append(one);
            }
            i += n;
        }
        return sb.toString();
    }

    /**
     * GraalPy's final-sigma test (unicodeobject.c's handle_capital_sigma as GraalPy adapted it): some character
     * that is not case-ignorable comes before, and only case-ignorable characters follow.
     */
    private static boolean isFinalSigma(String s, int at) {
        boolean somethingBefore = false;
        for (int j = at; j > 0; ) {
            int ch = s.codePointBefore(j);
            if (!UCharacter.hasBinaryProperty(ch, UProperty.CASE_IGNORABLE)) {
                somethingBefore = true;
                break;
            }
            j -= Character.charCount(ch);
        }
        if (!somethingBefore) {
            return false;
        }
        for (int j = at + 1; j < s.length(); ) {
            int ch = s.codePointAt(j);
            if (!UCharacter.hasBinaryProperty(ch, UProperty.CASE_IGNORABLE)) {
                return false;
            }
            j += Character.charCount(ch);
        }
        return true;
    }
}
