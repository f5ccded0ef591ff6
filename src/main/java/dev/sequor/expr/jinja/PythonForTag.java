package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;
import com.hubspot.jinjava.util.ObjectIterator;
import java.util.LinkedList;
import java.util.List;
import org.apache.commons.lang3.tuple.Pair;

/**
 * Jinja2's <code>{% for %}...{% else %}...{% endfor %}</code>: the else branch renders only when the loop has no
 * item; and a loop over a string goes through its characters. Jinjava's for tag has no else: it rendered the else
 * branch after every item and nothing for an empty list.
 * {@link #moveElseBranches} gives the else tag the nodes after it once, when the template is compiled; the loop then
 * renders the else tag as Jinjava's else tag renders itself (as nothing), and this tag renders its nodes when the
 * collection is empty.
 */
final class PythonForTag extends ForTag {

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        TagNode elseBranch = elseBranch(tagNode);
        if (elseBranch == null) {
            return super.interpret(tagNode, interpreter);
        }
        Pair<List<String>, String> varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        Object collection = interpreter.resolveELExpression(varsAndExpression.getRight(), tagNode.getLineNumber());
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
