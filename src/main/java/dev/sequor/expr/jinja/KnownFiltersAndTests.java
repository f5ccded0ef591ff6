package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.sequor.error.SourcePos;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compile-time check that every filter ({@code x|name}) and test ({@code x is name}) a template uses exists, as Jinja2
 * checks when it compiles. Jinjava silently renders an unknown filter or test as None, which would turn a typo into
 * wrong data.
 */
final class KnownFiltersAndTests {

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_]\\w*)");
    private static final Pattern TEST = Pattern.compile("\\bis\\s+(?:not\\s+)?([A-Za-z_]\\w*)");

    private KnownFiltersAndTests() {
    }

    /** Throws {@code dev.sequor.error.SequorException#invalid} at the line of the first unknown filter or test. */
    static void check(Node node, Context library, SourcePos templatePos) {
        String code = null;
        if (node instanceof ExpressionNode && node.getMaster() instanceof ExpressionToken token) {
            code = token.getExpr();
        } else if (node instanceof TagNode tag) {
            // the filter tag names its first filter without a '|'
            code = tag.getTag() instanceof PythonFilterTag ? "|" + tag.getHelpers() : tag.getHelpers();
        }
        if (code != null) {
            checkCode(STRING_LITERAL.matcher(code).replaceAll("''"), node.getLineNumber(), library, templatePos);
        }
        for (Node child : node.getChildren()) {
            check(child, library, templatePos);
        }
    }

    private static void checkCode(String code, int line, Context library, SourcePos templatePos) {
        Matcher filter = FILTER.matcher(code);
        while (filter.find()) {
            if (library.getFilter(filter.group(1)) == null) {
                throw TemplateFailures.invalid(templatePos, line, "No filter named '" + filter.group(1) + "'");
            }
        }
        Matcher test = TEST.matcher(code);
        while (test.find()) {
            if (library.getExpTest(test.group(1)) == null) {
                throw TemplateFailures.invalid(templatePos, line, "No test named '" + test.group(1) + "'");
            }
        }
    }
}
