package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;
import dev.sequor.expr.python.subset.Attrs;
import dev.sequor.expr.python.subset.HostValues;
import dev.sequor.expr.python.subset.Kwargs;
import dev.sequor.expr.python.subset.PyExc;
import dev.sequor.expr.python.subset.PyTuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} methods templates may call on strings ({@code name.upper()}, {@code s.split(',')},
 * {@code '{}-{}'.format(a, b)}), with Python's semantics rather than Java's (e.g. {@code split} takes a literal
 * separator, not a regex); the methods not written here ({@code format}, {@code join}, {@code find}...) are the
 * Python subset's.
 */
final class StrMethods {

    private StrMethods() {
    }

    static Object call(String s, String method, Object[] args) {
        return switch (method) {
            case "upper" -> {
                PythonDataResolver.requireArgs(method, args, 0, 0);
                yield s.toUpperCase(Locale.ROOT);
            }
            case "lower" -> {
                PythonDataResolver.requireArgs(method, args, 0, 0);
                yield s.toLowerCase(Locale.ROOT);
            }
            case "strip" -> {
                PythonDataResolver.requireArgs(method, args, 0, 0);
                yield s.strip();
            }
            case "startswith" -> {
                PythonDataResolver.requireArgs(method, args, 1, 1);
                yield s.startsWith(PythonStr.str(args[0]));
            }
            case "endswith" -> {
                PythonDataResolver.requireArgs(method, args, 1, 1);
                yield s.endsWith(PythonStr.str(args[0]));
            }
            case "replace" -> {
                PythonDataResolver.requireArgs(method, args, 2, 2);
                yield s.replace(PythonStr.str(args[0]), PythonStr.str(args[1]));
            }
            case "split" -> {
                PythonDataResolver.requireArgs(method, args, 0, 1);
                yield args.length == 0 || args[0] == null ? splitWhitespace(s) : splitLiteral(s, PythonStr.str(args[0]));
            }
            default -> python(s, method, args);
        };
    }

    /** Any other str method ({@code format}, {@code join}, {@code find}, ...), by the Python subset's own. */
    private static Object python(String s, String method, Object[] args) {
        List<Object> positional = new ArrayList<>();
        Kwargs keywords = new Kwargs();
        for (Object arg : args) {
            if (arg instanceof NamedParameter named) {
                keywords.put(named.getName(), PythonArithmetic.toPython(named.getValue()));
            } else {
                positional.add(PythonArithmetic.toPython(arg));
            }
        }
        try {
            Object result = Attrs.callMethod(s, method, positional.toArray(), keywords);
            if (result instanceof PyTuple tuple) { // partition, rpartition
                return new PythonTuple(new ArrayList<>(Arrays.stream(tuple.items).map(HostValues::toJava).toList()));
            }
            return HostValues.toJava(result);
        } catch (PyExc e) {
            throw new TemplateValueException(e.getMessage());
        }
    }


    private static List<String> splitWhitespace(String s) {
        String trimmed = s.strip();
        return trimmed.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(trimmed.split("\\s+")));
    }

    private static List<String> splitLiteral(String s, String separator) {
        if (separator.isEmpty()) {
            throw new TemplateValueException("empty separator");
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
            parts.add(s.substring(from, at));
            from = at + separator.length();
        }
        parts.add(s.substring(from));
        return parts;
    }
}
