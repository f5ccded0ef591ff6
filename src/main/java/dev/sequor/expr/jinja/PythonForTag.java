package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.LinkedList;
import java.util.List;
import org.apache.commons.lang3.tuple.Pair;

/**
 * Jinja2's <code>{% for %}...{% else %}...{% endfor %}</code>: the else branch renders only when the loop has no
 * item; a loop over a string goes through its characters; and a loop filter ({@code for x in items if x > 1}) keeps
 * the items that pass, counted by {@code loop} as Jinja2 counts them. Jinjava's for tag has no else: it rendered the else
 * branch after every item and nothing for an empty list.
 * {@link #moveElseBranches} gives the else tag the nodes after it once, when the template is compiled; the loop then
 * renders the else tag as Jinjava's else tag renders itself (as nothing), and this tag renders its nodes when the
 * collection is empty.
 */
final class PythonForTag extends ForTag {

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        TagNode elseBranch = elseBranch(tagNode);
        Pair<List<String>, String> varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        String[] iterableAndTest = loopFilter(varsAndExpression.getRight());
        if (elseBranch == null && iterableAndTest == null) {
            return super.interpret(tagNode, interpreter);
        }
        String iterable = iterableAndTest == null ? varsAndExpression.getRight() : iterableAndTest[0];
        Object collection = interpreter.resolveELExpression(iterable, tagNode.getLineNumber());
        if (iterableAndTest != null && !interpreter.isValidationMode()) {
            collection = filtered(collection, varsAndExpression.getLeft(), iterableAndTest[1], tagNode, interpreter);
        }
        if (elseBranch == null) {
            return renderForCollection(tagNode, interpreter, varsAndExpression.getLeft(), collection);
        }
        boolean empty = collection instanceof String s ? s.isEmpty() : !ObjectIterator.getLoop(collection).hasNext();
        boolean checking = interpreter.isValidationMode();
        LengthLimitingStringBuilder out = new LengthLimitingStringBuilder(interpreter.getConfig().getMaxOutputSize());
        if (!empty || checking) {
            out.append(renderForCollection(tagNode, interpreter, varsAndExpression.getLeft(), collection));
        }
        if (empty || checking) {
            for (Node node : elseBranch.getChildren()) {
                out.append(node.render(interpreter));
            }
        }
        return out.toString();
    }

    /**
     * Jinja2's loop filter, {@code for x in items if x > 1}: the iterable and the test, split at the first
     * {@code if} outside brackets and strings (Jinja2 takes no conditional expression there without parentheses),
     * or null when there is none. Jinjava read {@code items if x > 1} as one expression and failed on {@code x}.
     */
    static String[] loopFilter(String expression) {
        int at = TopLevelText.find(expression, 0, i -> i > 0 && expression.startsWith("if", i)
                && Character.isWhitespace(expression.charAt(i - 1))
                && (i + 2 == expression.length() || Character.isWhitespace(expression.charAt(i + 2))));
        return at < 0 ? null : new String[] {expression.substring(0, at).strip(), expression.substring(at + 2).strip()};
    }

    /** The items for which {@code test} is true, with the loop variables bound to each in turn. */
    private static List<Object> filtered(Object collection, List<String> loopVars, String test, TagNode tagNode,
                                         JinjavaInterpreter interpreter) {
        List<Object> kept = new java.util.ArrayList<>();
        Object items = collection instanceof String s ? PythonItems.of(s) : collection;
        ForLoop loop = ObjectIterator.getLoop(items);
        while (loop.hasNext()) {
            Object item = loop.next();
            try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
                bind(interpreter, loopVars, item);
                Object result = interpreter.resolveELExpression(test, tagNode.getLineNumber());
                if (ObjectTruthValue.evaluate(result)) {
                    kept.add(item);
                }
            }
        }
        return kept;
    }

    private static void bind(JinjavaInterpreter interpreter, List<String> loopVars, Object item) {
        if (loopVars.size() == 1) {
            interpreter.getContext().put(loopVars.getFirst(), item);
            return;
        }
        List<Object> parts = item instanceof java.util.Map.Entry<?, ?> e ? java.util.Arrays.asList(e.getKey(), e.getValue())
                : PythonItems.of(item);
        for (int i = 0; i < loopVars.size(); i++) {
            interpreter.getContext().put(loopVars.get(i), i < parts.size() ? parts.get(i) : null);
        }
    }

    /** A string loops over its characters, as in Python; Jinjava took it as one item. */
    @Override
    public String renderForCollection(TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars,
                                      Object collection) {
        Object items = collection instanceof String s ? PythonItems.of(s) : collection;
        return super.renderForCollection(tagNode, interpreter, loopVars, items);
    }

    /** The for's else tag holding the else branch, as {@link #moveElseBranches} left it: the last child. */
    private static TagNode elseBranch(TagNode forNode) {
        return !forNode.getChildren().isEmpty() && forNode.getChildren().getLast() instanceof TagNode last
                && last.getTag() instanceof ElseTag ? last : null;
    }

    /** In every for under {@code node}, moves the nodes after its own else tag into that else tag. */
    static void moveElseBranches(Node node) {
        if (node instanceof TagNode tag && tag.getTag() instanceof ForTag) {
            LinkedList<Node> children = tag.getChildren();
            int at = 0;
            while (at < children.size() && !(children.get(at) instanceof TagNode t && t.getTag() instanceof ElseTag)) {
                at++;
            }
            if (at < children.size() - 1) {
                Node elseTag = children.get(at);
                while (children.size() > at + 1) {
                    Node moved = children.remove(at + 1);
                    moved.setParent(elseTag);
                    elseTag.getChildren().add(moved);
                }
            }
        }
        for (Node child : node.getChildren()) {
            moveElseBranches(child);
        }
    }
}
