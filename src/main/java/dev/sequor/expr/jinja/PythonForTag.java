package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.NullValue;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.objects.DummyObject;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import java.util.LinkedList;
import java.util.List;
import org.apache.commons.lang3.tuple.Pair;

/**
 * Jinja2's <code>{% for %}...{% else %}...{% endfor %}</code>: the else branch renders only when the loop has no
 * item; a loop over a string goes through its characters; a loop filter ({@code for x in items if x > 1}) keeps
 * the items that pass, counted by {@code loop} as Jinja2 counts them; {@code loop} is a {@link PythonLoop}
 * ({@code previtem}, {@code nextitem}, {@code changed()}); and {@code for x in tree recursive} renders its body again
 * for {@code loop(x.children)}, filter and else branch included, as Jinja2 does. Jinjava's for tag had no else (it
 * rendered the else branch after every item and nothing for an empty list), no loop filter and no recursion.
 * {@link #moveElseBranches} gives the else tag the nodes after it once, when the template is compiled; the loop then
 * renders the else tag as Jinjava's else tag renders itself (as nothing), and this tag renders its nodes when the
 * collection is empty.
 */
final class PythonForTag extends ForTag {

    /** Jinja2's marker, last in the loop's header. */
    private static final String RECURSIVE = "recursive";

    /** Whether the loop expression ends with the marker as a word of its own ({@code items recursive}). */
    private static boolean isRecursive(String expression) {
        int at = expression.length() - RECURSIVE.length();
        return at > 0 && expression.endsWith(RECURSIVE) && Character.isWhitespace(expression.charAt(at - 1));
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        Pair<List<String>, String> varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        String expression = varsAndExpression.getRight().strip();
        boolean recursive = isRecursive(expression);
        if (recursive) {
            expression = expression.substring(0, expression.length() - RECURSIVE.length()).strip();
        }
        String[] iterableAndTest = loopFilter(expression);
        Header header = new Header(tagNode, varsAndExpression.getLeft(), iterableAndTest == null ? null
                : iterableAndTest[1], elseBranch(tagNode), recursive);
        String iterable = iterableAndTest == null ? expression : iterableAndTest[0];
        Object collection = interpreter.resolveELExpression(iterable, tagNode.getLineNumber());
        return render(header, collection, 0, interpreter);
    }

    /** What a loop needs to render itself again for {@code loop(children)}. */
    private record Header(TagNode tagNode, List<String> loopVars, String test, TagNode elseBranch,
                          boolean recursive) {
    }

    /** The loop over {@code collection} at {@code depth0}: filtered, then its body per item or its else branch. */
    private String render(Header header, Object collection, int depth0, JinjavaInterpreter interpreter) {
        Object items = collection instanceof String s ? PythonItems.of(s) : collection;
        boolean checking = interpreter.isValidationMode();
        if (header.test() != null && !checking) {
            items = filtered(items, header.loopVars(), header.test(), header.tagNode(), interpreter);
        }
        PythonLoop.Recursion recursion = header.recursive()
                ? (children, depth) -> render(header, children, depth, interpreter) : null;
        if (header.elseBranch() == null) {
            return renderBody(header, PythonLoop.over(items, depth0, recursion), interpreter);
        }
        PythonLoop loop = PythonLoop.over(items, depth0, recursion);
        boolean empty = !loop.hasNext();
        LengthLimitingStringBuilder out = new LengthLimitingStringBuilder(interpreter.getConfig().getMaxOutputSize());
        if (!empty || checking) {
            out.append(renderBody(header, loop, interpreter));
        }
        if (empty || checking) {
            for (Node node : header.elseBranch().getChildren()) {
                out.append(node.render(interpreter));
            }
        }
        return out.toString();
    }

    /**
     * The body once per item, with the loop variables and {@code loop} bound in a scope of their own; Jinjava's
     * {@code renderForCollection} without its eager-mode bookkeeping, which Sequor does not use.
     */
    private static String renderBody(Header header, PythonLoop items, JinjavaInterpreter interpreter) {
        PythonLoop loop = items;
        LengthLimitingStringBuilder out = new LengthLimitingStringBuilder(interpreter.getConfig().getMaxOutputSize());
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            if (interpreter.isValidationMode() && !loop.hasNext()) {
                // checking: the body is walked once with a stand-in item, as Jinjava's for tag meant to (its loop over
                // a DummyObject failed when iterating a dict's keys, as Sequor's Jinjava does)
                loop = PythonLoop.over(List.of(new DummyObject()), loop.getDepth0(), null);
                interpreter.getContext().setValidationMode(true);
            }
            interpreter.getContext().put(LOOP, loop);
            while (loop.hasNext()) {
                bind(interpreter, header.loopVars(), interpreter.wrap(loop.next()));
                for (Node node : header.tagNode().getChildren()) {
                    if (interpreter.getContext().isValidationMode()) {
                        renderIgnoringValueErrors(node, interpreter);
                        continue;
                    }
                    try {
                        out.append(node.render(interpreter));
                    } catch (OutputTooBigException e) {
                        interpreter.addError(TemplateError.fromOutputTooBigException(e));
                        return out.toString();
                    }
                    if (loop.isContinued()) {
                        break; // {% continue %}: the rest of the body is skipped
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Checking walks the body with a stand-in item, whose values are unknown: only syntax matters, as in
     * {@code Templates.compile}. A failure on the stand-in (in a macro whose loop goes over an argument) made the
     * whole template invalid.
     */
    private static void renderIgnoringValueErrors(Node node, JinjavaInterpreter interpreter) {
        try {
            node.render(interpreter);
        } catch (TemplateSyntaxException e) {
            throw e;
        } catch (RuntimeException e) {
            // the real render reports it
        }
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
        ForLoop loop = ObjectIterator.getLoop(collection);
        while (loop.hasNext()) {
            Object item = loop.next();
            try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
                bind(interpreter, loopVars, item);
                Object result = interpreter.resolveELExpression(test, tagNode.getLineNumber());
                if (PythonTruth.of(result)) {
                    kept.add(item);
                }
            }
        }
        return kept;
    }

    private static void bind(JinjavaInterpreter interpreter, List<String> loopVars, Object item) {
        if (loopVars.size() == 1) {
            put(interpreter, loopVars.getFirst(), item);
            return;
        }
        List<Object> parts = item == null ? List.of()
                : item instanceof java.util.Map.Entry<?, ?> e ? java.util.Arrays.asList(e.getKey(), e.getValue())
                : PythonItems.of(item);
        for (int i = 0; i < loopVars.size(); i++) {
            put(interpreter, loopVars.get(i), i < parts.size() ? parts.get(i) : null);
        }
    }

    /** A None item hides a variable of the same name outside the loop, through Jinjava's marker for a bound None. */
    private static void put(JinjavaInterpreter interpreter, String name, Object value) {
        boolean hides = value == null && interpreter.getContext().get(name) != null;
        interpreter.getContext().put(name, hides ? NullValue.INSTANCE : value);
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
