package dev.sequor.ops;

import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyn;
import dev.sequor.http.HttpResponseData;
import dev.sequor.run.RunContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says when a {@code NAME_path: PATH} response variable looks like a flow written for upstream Sequor, which has no
 * such short form: there {@code export_path: out} set a variable named {@code export_path} to the text "out", here it
 * sets {@code export} from the body's {@code out} field (docs/decisions.md, "Response paths"). The sign is a path
 * whose leading field the body, an object, does not have at all, in the first response an op handles: a warning, not
 * an error, since a right path may name a field this one response left out. Once per definition per run.
 */
final class ShortFormPathCheck {

    /** The field a path starts with: {@code out} in {@code out}, {@code out.csv}, {@code out[0]} or {@code out | x}. */
    private static final Pattern LEADING_FIELD = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:$|[.\\[|])");

    /** The definitions checked so far (their first response only); parallel for_each rows share it. */
    private final Set<Dyn.Path> checked = ConcurrentHashMap.newKeySet();

    /**
     * Checks the short-form paths among {@code variables} (as parsed: the variable's name mapped to its value) against
     * the JSON body of {@code response}, which they were read from (so it is parsed already).
     */
    void check(Dyn variables, HttpResponseData response, RunContext run, String opLabel) {
        if (!(variables instanceof Dyn.DMap defs)) {
            return;
        }
        defs.entries().forEach((name, value) -> {
            if (value instanceof Dyn.Path path && path.keyName().equals(name + "_path") && checked.add(path)) {
                String field = missingLeadingField(path, response.json());
                if (field != null) {
                    run.log().warn(new Diagnostics.Problem(Diagnostics.Severity.WARNING, path.pos(), "\"" + opLabel
                            + "\": response variable '" + path.keyName() + "' reads the path '" + path.path()
                            + "' of the response body, which has no field '" + field + "', so '" + name + "' is None;"
                            + " to set a variable named '" + path.keyName() + "' write " + path.keyName()
                            + ": {value: ..., scope: project}.").toString());
                }
            }
        });
    }

    private static String missingLeadingField(Dyn.Path path, Object body) {
        if (!(body instanceof Map<?, ?> object)) {
            return null;
        }
        Matcher m = LEADING_FIELD.matcher(path.path().expression());
        return m.find() && !object.containsKey(m.group(1)) ? m.group(1) : null;
    }
}
