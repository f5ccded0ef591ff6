package dev.sequor.expr.python;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Where GraalPy 25.2 itself departs from CPython 3.12 and the Java evaluator deliberately gives CPython's answer:
 * a wrong float result, an internal Java name leaking into a message, an exception that escapes Python. Each rule
 * is narrow (it names what both engines must say) and is listed in docs/python-subset.md; a difference no rule
 * explains is a mismatch and fails the differential test.
 */
final class GraalPyDeviations {

    private record Rule(String why, BiPredicate<String, Outcome[]> applies) {
    }

    /** {CPython's text (the Java evaluator's), GraalPy 25.2's} for the same error. */
    private static final List<List<String>> CPYTHON_TEXTS = List.of(
            List.of("IndexError: pop from empty list", "IndexError: index out of range"),
            List.of("IndexError: pop index out of range", "IndexError: index out of range"),
            List.of("ValueError: list.remove(x): x not in list", "ValueError: list.index(x): x not in list"),
            List.of("KeyError: 'pop from an empty set'", "KeyError: 'pop from an emtpy set'"),
            List.of("ValueError: Single '{' encountered in format string",
                    "ValueError: Single '}' encountered in format string"),
            List.of("TypeError: can't compare datetime.datetime to datetime.date",
                    "TypeError: Can't compare datetime.datetime and datetime.date"),
            List.of("TypeError: can't compare datetime.datetime to datetime.date",
                    "TypeError: Can't compare datetime.date and datetime.datetime"),
            List.of("TypeError: maketrans() argument 2 must be str, not int",
                    "TypeError: argument 2 must be str, not int"));

    private static final List<Rule> RULES = List.of(
            new Rule("GraalPy repeats the type in IndexError: IndexError: ...", (code, o) ->
                    errors(o) && o[1].text().equals("IndexError: " + o[0].text())
                            && o[0].text().startsWith("IndexError: ")),
            new Rule("GraalPy names a value or its internal storage instead of the type in item assignment errors",
                    (code, o) -> errors(o) && (o[0].text().matches("TypeError: '\\w+' object does not support item "
                            + "assignment") && o[1].text().endsWith("' object does not support item assignment")
                            || o[0].text().matches("TypeError: '\\w+' object doesn't support item deletion")
                            && o[1].text().endsWith("' object does not support item deletion"))),
            new Rule("GraalPy's del of a missing list index says 'index out of range'", (code, o) ->
                    errors(o) && o[0].text().equals("IndexError: list assignment index out of range")
                            && o[1].text().equals("IndexError: index out of range")),
            new Rule("GraalPy answers {**x} for a non-mapping x with other errors, or even a dict", (code, o) ->
                    o[0].kind() == Outcome.Kind.ERROR && o[0].text().endsWith("object is not a mapping")
                            && code.contains("**")),
            new Rule("GraalPy's str methods called on another type say 'requires a 'str' object'", (code, o) ->
                    errors(o) && o[0].text().startsWith("TypeError: descriptor '")
                            && o[1].text().contains("requires a 'str' object but received")),
            new Rule("GraalPy's float floor division and divmod differ from CPython's float_divmod", (code, o) ->
                    (code.contains("//") || code.contains("divmod(")) && (code.contains(".") || code.contains("inf"))
                            && o[0].kind() != Outcome.Kind.CRASH),
            new Rule("GraalPy loses the sign of a zero float quotient", (code, o) ->
                    values(o) && o[0].text().replace("-0.0", "0.0").equals(o[1].text())),
            new Rule("GraalPy's math.log(0, base) is -inf instead of a domain error", (code, o) ->
                    o[0].text().equals("ValueError: math domain error") && code.contains("math.log")
                            && o[1].kind() == Outcome.Kind.VALUE),
            new Rule("a Java exception escapes GraalPy", (code, o) ->
                    o[1].text().contains("java.lang.")),
            new Rule("GraalPy's round(float) beyond 2**63 saturates or pads the float's shortest decimal with zeros",
                    (code, o) -> values(o) && code.contains("round(")),
            new Rule("GraalPy subtracts a date and a datetime; CPython refuses", (code, o) ->
                    o[0].text().matches("TypeError: unsupported operand type\\(s\\) for -: 'datetime\\.(date|datetime)' "
                            + "and 'datetime\\.(date|datetime)'") && o[1].kind() == Outcome.Kind.VALUE),
            new Rule("GraalPy's str.splitlines does not break at \\x1c, \\x1d and \\x1e", (code, o) ->
                    values(o) && code.contains("splitlines") && code.matches("(?s).*\\\\x1[cde].*")),
            new Rule("GraalPy's str.format answers None for a missing attribute of a field ({0.x})", (code, o) ->
                    o[0].text().startsWith("AttributeError: ") && o[1].kind() == Outcome.Kind.VALUE
                            && code.contains(".format(")),
            new Rule("GraalPy reads a %(key)'s value, or a mapping argument, again for each later % field", (code, o) ->
                    o[0].text().equals("TypeError: not enough arguments for format string")
                            && code.matches("(?s).*(%\\(|% *[\\[{]).*") && o[1].kind() == Outcome.Kind.VALUE),
            new Rule("GraalPy reads a fill that is itself an alignment character ('=>5') as the alignment",
                    (code, o) -> o[1].text().matches("ValueError: (Invalid conversion specification|Unknown format "
                            + "code '[<>=^]'.*)") && code.matches("(?s).*[<>=^][<>=^].*")),
            new Rule("GraalPy 25.2 has no 'z' format option (coerce a negative zero, Python 3.11)", (code, o) ->
                    o[1].text().matches("ValueError: (Invalid conversion specification|Unknown format code 'z'.*)")
                            && (o[0].kind() == Outcome.Kind.VALUE || o[0].text().contains("Negative zero coercion (z)"))
                            && code.contains("z")),
            new Rule("a set from a dict view operator: the same items, in the order CPython's algorithm adds them",
                    (code, o) -> values(o) && code.matches("(?s).*\\.(keys|items)\\(\\).*")
                            && o[0].text().startsWith("{")
                            && sortedChars(o[0].text()).equals(sortedChars(o[1].text()))),
            new Rule("GraalPy hashes what an items view is asked to hold; CPython looks up its key", (code, o) ->
                    o[0].kind() == Outcome.Kind.VALUE && o[1].text().startsWith("TypeError: unhashable type: ")
                            && code.contains(".items()")),
            new Rule("GraalPy's bytes.fromhex names the position of a lone last digit, not the one missing after it",
                    (code, o) -> errors(o) && o[0].text().startsWith("ValueError: non-hexadecimal number found in "
                            + "fromhex() arg at position ") && o[1].text().startsWith("ValueError: non-hexadecimal")),
            new Rule("GraalPy's bytes %b and %s refusal names 'str' whatever the type", (code, o) ->
                    errors(o) && o[0].text().startsWith("TypeError: %b requires a bytes-like object")
                            && o[1].text().startsWith("TypeError: %b requires a bytes-like object")),
            new Rule("GraalPy zero-fills %a, and bytes' %b; CPython pads them with spaces", (code, o) ->
                    values(o) && code.matches("(?s).*%[-+ #]*0\\d*[ab].*")),
            new Rule("GraalPy's format type 'n' follows the JVM's locale; CPython's C locale groups nothing", (code, o) ->
                    values(o) && code.matches("(?s).*(:n}|'n'\\)).*")),
            new Rule("GraalPy copies glibc's strftime directives (%-d, %e, %T, ...) as written", (code, o) ->
                    values(o) && code.contains("strftime")),
            new Rule("GraalPy's zero division texts are not CPython's per-operator ones", (code, o) ->
                    errors(o) && o[0].text().startsWith("ZeroDivisionError: ")
                            && o[1].text().startsWith("ZeroDivisionError: ")),
            new Rule("GraalPy words UnboundLocalError as Python 3.10 did", (code, o) ->
                    errors(o) && o[0].text().startsWith("UnboundLocalError: cannot access local variable '")
                            && o[1].text().startsWith("UnboundLocalError: local variable '")),
            new Rule("GraalPy quotes the text of a failed fromisoformat twice", (code, o) ->
                    errors(o) && o[0].text().startsWith("ValueError: Invalid isoformat string: '")
                            && o[1].text().equals(o[0].text().replaceFirst(": '(.*)'$", ": ''$1''"))),
            new Rule("GraalPy's own texts for list.pop, list.remove, set.pop, a lone '{', datetime < date, maketrans",
                    (code, o) -> errors(o) && CPYTHON_TEXTS.contains(List.of(o[0].text(), o[1].text()))),
            new Rule("a negative number to a fractional power is complex in Python; the Java evaluator has no complex",
                    (code, o) -> o[0].text().startsWith("ValueError: math domain error: a negative number to a "
                            + "fractional power is complex") && (o[1].kind() == Outcome.Kind.VALUE
                            && o[1].text().contains("j") || o[1].text().contains("'complex'"))));

    private GraalPyDeviations() {
    }

    /** Why the difference between the Java evaluator's and GraalPy's outcome is a known GraalPy deviation, or null. */
    static String explain(String code, Outcome java, Outcome graalPy) {
        Outcome[] both = {java, graalPy};
        for (Rule r : RULES) {
            if (r.applies.test(code, both)) {
                return r.why;
            }
        }
        return null;
    }

    /** The characters of a repr, sorted: two sets' reprs with the same items in another order have the same. */
    private static String sortedChars(String text) {
        char[] chars = text.toCharArray();
        java.util.Arrays.sort(chars);
        return new String(chars);
    }

    private static boolean errors(Outcome[] o) {
        return o[0].kind() == Outcome.Kind.ERROR && o[1].kind() == Outcome.Kind.ERROR;
    }

    private static boolean values(Outcome[] o) {
        return o[0].kind() == Outcome.Kind.VALUE && o[1].kind() == Outcome.Kind.VALUE;
    }
}
