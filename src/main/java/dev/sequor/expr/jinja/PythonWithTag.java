package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jinja2's <code>{% with a = 1, b = x %}...{% endwith %}</code>, which Jinjava lacks: the values are computed in the
 * enclosing scope (so {@code b = a} sees the outer {@code a}), then the names, and anything set inside, exist only
 * until {@code endwith}. A bare <code>{% with %}</code> only opens a scope.
 */
final class PythonWithTag implements Tag {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public String getName() {
        return "with";
    }

    @Override
    public boolean isRenderedInValidationMode() {
        return true;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String helpers = tagNode.getHelpers().strip();
        if (!helpers.isEmpty()) {
            for (String assignment : TopLevelText.split(helpers, ',')) {
                int eq = TopLevelText.assignment(assignment);
                String name = eq < 0 ? "" : assignment.substring(0, eq).strip();
                String expr = eq < 0 ? "" : assignment.substring(eq + 1).strip();
                if (!NAME.matcher(name).matches() || expr.isEmpty()) {
                    throw new TemplateSyntaxException(tagNode.getMaster().getImage(),
                            "Tag 'with' takes name = value pairs separated by commas, got '" + assignment.strip() + "'",
                            tagNode.getLineNumber(), tagNode.getStartPosition());
                }
                names.add(name);
                values.add(interpreter.resolveELExpression(expr, tagNode.getLineNumber()));
            }
        }
        try (InterpreterScopeClosable scope = interpreter.enterScope()) {
            for (int i = 0; i < names.size(); i++) {
                interpreter.getContext().put(names.get(i), values.get(i));
            }
            LengthLimitingStringBuilder out = new LengthLimitingStringBuilder(interpreter.getConfig().getMaxOutputSize());
            for (Node child : tagNode.getChildren()) {
                out.append(child.render(interpreter));
            }
            return out.toString();
        }
    }
}
