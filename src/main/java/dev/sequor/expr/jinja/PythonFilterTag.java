package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;
import java.util.regex.Pattern;

/**
 * Jinja2's <code>{% filter upper %}...{% endfilter %}</code>, which Jinjava lacks: the block is rendered in a scope of
 * its own and its text goes through the filters given, with their arguments and chained with {@code |}
 * (<code>{% filter replace('a', 'b') | upper %}</code>). As in Jinja2, a filter chain that does not end in a string
 * (<code>{% filter length %}</code>) fails. {@link KnownFiltersAndTests} checks the filter names when compiling.
 */
final class PythonFilterTag implements Tag {

    private static final long serialVersionUID = 1L;
    /** Holds the block's text while the filters run; no template name can be spelled this way by accident. */
    private static final String BODY = "____sequor_filter_block____";
    private static final Pattern STARTS_WITH_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*(\\(.*)?(\\|.*)?",
            Pattern.DOTALL);

    @Override
    public String getName() {
        return "filter";
    }

    @Override
    public boolean isRenderedInValidationMode() {
        return true;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        String filters = tagNode.getHelpers().strip();
        if (!STARTS_WITH_NAME.matcher(filters).matches()) {
            throw new TemplateSyntaxException(tagNode.getMaster().getImage(),
                    "Tag 'filter' needs a filter name, as in {% filter upper %}", tagNode.getLineNumber(),
                    tagNode.getStartPosition());
        }
        try (InterpreterScopeClosable scope = interpreter.enterScope()) {
            LengthLimitingStringBuilder body = new LengthLimitingStringBuilder(interpreter.getConfig().getMaxOutputSize());
            for (Node child : tagNode.getChildren()) {
                body.append(child.render(interpreter));
            }
            interpreter.getContext().put(BODY, body.toString());
            Object result = interpreter.resolveELExpression(BODY + " | " + filters, tagNode.getLineNumber());
            if (result instanceof CharSequence text) {
                return text.toString();
            }
            if (interpreter.isValidationMode()) {
                return "";
            }
            throw new TemplateValueException("the filters of {% filter " + filters + " %} gave "
                    + (result == null ? "None" : "a value of type '" + PythonStr.typeName(result) + "'")
                    + ", not the text a block renders");
        }
    }
}
