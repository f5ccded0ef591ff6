package dev.sequor.expr.jinja;

import com.hubspot.jinjava.tree.Node;
import dev.sequor.error.SourcePos;
import java.util.Set;

/**
 * A Jinja template parsed and checked once by {@link Templates#compile}; render it any number of times, from any
 * thread, with {@link Templates#render}. Immutable.
 */
public final class CompiledTemplate {

    private final String source;
    private final SourcePos pos;
    private final Node root;
    private final Set<String> testedNames;
    private final String singleExpression;
    private final boolean sharesInterpreter;

    CompiledTemplate(String source, SourcePos pos, Node root, Set<String> testedNames, String singleExpression,
                     boolean sharesInterpreter) {
        this.source = source;
        this.pos = pos;
        this.root = root;
        this.testedNames = testedNames;
        this.singleExpression = singleExpression;
        this.sharesInterpreter = sharesInterpreter;
    }

    /** The template text as written. */
    public String source() {
        return source;
    }

    /** Where the template text starts in its file. */
    public SourcePos pos() {
        return pos;
    }

    Node root() {
        return root;
    }

    /** Names only tested with {@code is defined} or {@code |default}; see {@link StrictNames}. */
    Set<String> testedNames() {
        return testedNames;
    }

    /** The expression when the whole template is one {@code {{ expr }}}, else null; used by evaluate. */
    String singleExpression() {
        return singleExpression;
    }

    /** Whether renders may reuse an interpreter of an earlier render; see {@link RenderSlots#shareable}. */
    boolean sharesInterpreter() {
        return sharesInterpreter;
    }

    @Override
    public String toString() {
        return pos + ": " + source;
    }
}
