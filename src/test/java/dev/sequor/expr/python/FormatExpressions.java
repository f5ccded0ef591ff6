package dev.sequor.expr.python;

import dev.sequor.expr.python.Typed.Kind;

/**
 * Random string formatting: f-strings with conversions and format specs, {@code %} formatting and
 * {@code str.format}, with specs that suit the value's kind and now and then one that does not (ValueError).
 */
final class FormatExpressions {

    private static final String[] INT_SPECS = {"d", "05d", ",", "_", "x", "X", "#x", "b", "o", "+d", ">6", "<6", "^7",
            "*^9", ".2f", "e", "%", ",.2f", "08.3f", " d", "=+8", "c", "n", ""};
    private static final String[] FLOAT_SPECS = {".2f", ".0f", ".3e", "g", ".3g", ",.2f", "%", ".1%", ">10.2f", "+.1f",
            "010.4f", ",", "e", ".15g", "", ">8", ".1f", "f", "E", "G", "_.3f", ".2", "n"};
    private static final String[] STR_SPECS = {">8", "<8", "^9", "*<6", ".2", "s", "10.3", "-^7", ""};
    private static final String[] PERCENT = {"%s", "%r", "%d", "%i", "%5.2f", "%-8s|", "%x", "%05d", "%e", "%g",
            "%.3s", "%+d", "%10s", "%a", "%%d %s", "%c", "%.1f%%", "%o", "%X", "%-6d|", "% d"};

    private final ExpressionGenerator g;

    FormatExpressions(ExpressionGenerator g) {
        this.g = g;
    }

    Typed fString(int d) {
        StringBuilder f = new StringBuilder("f\"");
        int parts = 1 + g.pick(3);
        for (int i = 0; i < parts; i++) {
            if (g.chance(0.6)) {
                f.append(g.values.pick(new String[] {"id=", " ", "Total: ", "{{", "}}", "é-", "<", "x: ", "%"}));
            }
            Typed value = fieldValue(d);
            f.append('{').append(fieldCode(value));
            if (g.chance(0.2)) {
                f.append(g.values.pick(new String[] {"!r", "!s", "!a"}));
            }
            if (g.chance(0.6)) {
                f.append(':').append(spec(value.kind()));
            }
            f.append('}');
        }
        f.append('"');
        return Typed.primary(f.toString(), Kind.STR);
    }

    Typed percent(int d) {
        String format = g.values.pick(PERCENT);
        int wanted = format.split("%", -1).length - 1 - 2 * (format.split("%%", -1).length - 1);
        String args;
        if (wanted == 1 && g.chance(0.8)) {
            args = g.any(d).at(Typed.UNARY);
        } else if (g.chance(0.15)) {
            format = "%(a)s and %(b)r";
            args = g.expr(Kind.DICT, d).at(Typed.UNARY);
        } else {
            StringBuilder t = new StringBuilder("(");
            int n = Math.max(wanted, 1) + (g.chance(0.1) ? 1 : 0);
            for (int i = 0; i < n; i++) {
                t.append(ExpressionGenerator.arg(g.any(d))).append(", ");
            }
            args = t.append(")").toString();
        }
        return new Typed("'" + format + "' % " + args, Kind.STR, Typed.PRODUCT);
    }

    Typed format(int d) {
        Typed a = g.any(d);
        Typed b = g.any(d);
        String template = switch (g.pick(9)) {
            case 0 -> "'{}'";
            case 1 -> "'{} and {}'";
            case 2 -> "'{0} {0} {1}'";
            case 3 -> "'{:" + spec(a.kind()) + "}'";
            case 4 -> "'{0!r}/{1!s}'";
            case 5 -> "'{name}={value}'";
            case 6 -> "'{0[0]}'";
            case 7 -> "'{:>{}}'";
            default -> "'{{literal}} {}'";
        };
        if (template.contains("name")) {
            return Typed.primary(template + ".format(name=" + ExpressionGenerator.arg(a) + ", value="
                    + ExpressionGenerator.arg(b) + ")", Kind.STR);
        }
        if (template.contains("{:>{}}")) {
            return Typed.primary(template + ".format(" + ExpressionGenerator.arg(a) + ", " + g.values.pick(
                    new String[] {"6", "10", "0"}) + ")", Kind.STR);
        }
        return Typed.primary(template + ".format(" + ExpressionGenerator.arg(a) + ", " + ExpressionGenerator.arg(b) + ")",
                Kind.STR);
    }

    /** A format spec for the kind, and one for a random kind a fifth of the time. */
    String spec(Kind kind) {
        Kind k = g.chance(0.2) ? g.anyKind() : kind;
        return switch (k) {
            case INT, BOOL -> g.values.pick(INT_SPECS);
            case FLOAT -> g.values.pick(FLOAT_SPECS);
            case STR -> g.values.pick(STR_SPECS);
            default -> g.values.pick(new String[] {"", ">12", "<4"});
        };
    }

    /** A value to format: an f-string field cannot hold a double quote, a backslash or a '#' before 3.12. */
    private Typed fieldValue(int d) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Typed v = g.any(d);
            String code = v.code();
            if (code.indexOf('"') < 0 && code.indexOf('\\') < 0 && code.indexOf('#') < 0 && !code.contains("lambda")
                    && !code.contains("f'")) {
                return v;
            }
        }
        return g.values.of(Kind.INT, 0);
    }

    /** The field's code: a leading '{' would read as an escaped brace, so a dict or set display gets a space. */
    private static String fieldCode(Typed value) {
        String code = value.at(Typed.OR);
        return code.startsWith("{") ? " " + code : code;
    }
}
