package dev.sequor.yaml;

import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Which type a plain (unquoted) YAML scalar has, as upstream's two YAML loaders decide it. Upstream reads flows,
 * sources, {@code project.yaml} and its state file with ruamel.yaml's round-trip loader (YAML 1.2 plus ruamel's
 * extras: {@code 1_000}, {@code 0b101}), and environment files with PyYAML's {@code safe_load} (YAML 1.1:
 * {@code yes}/{@code no}/{@code on}/{@code off} are booleans, {@code 017} is octal, {@code 1:30} is 90, {@code 1e3}
 * is text). The patterns are those loaders' resolver patterns. Dates and timestamps, which both loaders turn into
 * Python dates, stay text here (see docs/decisions.md). Quoted scalars are always text.
 */
public enum ScalarRules implements ScalarResolver {

    /** ruamel.yaml {@code YAML()}: flows, sources, project.yaml, project variables. */
    RUAMEL(
            Pattern.compile("true|True|TRUE|false|False|FALSE"),
            Pattern.compile("[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                    + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"),
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+")),

    /** PyYAML {@code safe_load}: environment files under the Sequor home. */
    PYYAML(
            Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"),
            Pattern.compile("[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"),
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"));

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    private final Pattern bool;
    private final Pattern floating;
    private final Pattern integer;

    ScalarRules(Pattern bool, Pattern floating, Pattern integer) {
        this.bool = bool;
        this.floating = floating;
        this.integer = integer;
    }

    /**
     * A snakeyaml-engine schema with these rules, for loading and for dumping (the dumper quotes a string that would
     * read back as another type). Only the resolver matters: nodes are converted by YamlLoader, not by constructors.
     */
    public Schema schema() {
        ScalarRules rules = this;
        return new Schema() {
            @Override
            public ScalarResolver getScalarResolver() {
                return rules;
            }

            @Override
            public Map<Tag, ConstructNode> getSchemaTagConstructors() {
                return Map.of();
            }
        };
    }

    /** The tag of a scalar; {@code implicit} is true for plain scalars (quoted ones are always strings). */
    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!Boolean.TRUE.equals(implicit)) {
            return Tag.STR;
        }
        // Both loaders try bool, float, int, null in this order.
        if (bool.matcher(value).matches()) {
            return Tag.BOOL;
        }
        if (floating.matcher(value).matches()) {
            return Tag.FLOAT;
        }
        if (integer.matcher(value).matches()) {
            return Tag.INT;
        }
        if (NULL.matcher(value).matches()) {
            return Tag.NULL;
        }
        return Tag.STR;
    }

    /** The value of a scalar this resolver tagged bool. */
    boolean bool(String text) {
        String t = text.toLowerCase();
        return t.equals("true") || t.equals("yes") || t.equals("on");
    }

    /** The value of a scalar tagged int; NumberFormatException when it does not fit a long. */
    long integer(String text) {
        String t = text.replace("_", "");
        long sign = 1;
        if (t.startsWith("-") || t.startsWith("+")) {
            sign = t.charAt(0) == '-' ? -1 : 1;
            t = t.substring(1);
        }
        if (t.startsWith("0b")) {
            return sign * Long.parseLong(t.substring(2), 2);
        }
        if (t.startsWith("0x")) {
            return sign * Long.parseLong(t.substring(2), 16);
        }
        if (t.startsWith("0o")) {
            return sign * Long.parseLong(t.substring(2), 8);
        }
        if (this == PYYAML && t.contains(":")) {
            return sign * (long) sexagesimal(t);
        }
        if (this == PYYAML && t.length() > 1 && t.startsWith("0")) {
            return sign * Long.parseLong(t, 8); // YAML 1.1 octal; YAML 1.2 (ruamel) reads 017 as 17
        }
        return sign * Long.parseLong(t);
    }

    /** The value of a scalar tagged float. */
    double floating(String text) {
        String t = text.replace("_", "").toLowerCase();
        double sign = t.startsWith("-") ? -1 : 1;
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (t.equals(".nan")) {
            return Double.NaN;
        }
        if (t.contains(":")) {
            return sign * sexagesimal(t);
        }
        return sign * Double.parseDouble(t);
    }

    /** YAML 1.1 base 60 ({@code 1:30} is 90, {@code 1:30.5} is 90.5), as PyYAML computes it. */
    private static double sexagesimal(String t) {
        double value = 0;
        for (String part : t.split(":")) {
            value = value * 60 + Double.parseDouble(part);
        }
        return value;
    }
}
