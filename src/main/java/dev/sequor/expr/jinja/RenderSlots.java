package dev.sequor.expr.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Jinjava interpreters kept for reuse between renders. Making an interpreter registers every global function into a
 * fresh expression context (hundreds of registrations), which was half the cost of a small render (a for_each row's
 * URL or body field). A slot is taken for one render at a time, so there are as many slots as renders ever ran at
 * once; each render gets a scope of its own inside its slot ({@code set}, macros and loop variables die with it).
 *
 * <p>Each slot hangs off its own copy of Jinjava's globals: Jinjava records every resolved expression in all
 * enclosing contexts up to the root, which must therefore never be shared by two threads.
 */
final class RenderSlots {

    /** One interpreter and the root context its renders open their scopes in. */
    static final class Slot {

        private final PythonOutputInterpreter interpreter;
        private final Context root;
        private final boolean shared;

        private Slot(Jinjava jinjava, JinjavaConfig config, boolean shared) {
            this.root = new Context(jinjava.getGlobalContextCopy(), null, config.getDisabled());
            this.interpreter = new PythonOutputInterpreter(jinjava, root, config);
            this.shared = shared;
        }

        PythonOutputInterpreter interpreter() {
            return interpreter;
        }

        /** Closes the render's scope and forgets its errors; false if the slot cannot serve another render. */
        private boolean leave() {
            interpreter.leaveScope();
            interpreter.limitTo(null);
            while (interpreter.getLastError().isPresent()) {
                interpreter.removeLastError();
            }
            return interpreter.getContext() == root;
        }
    }

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    private final ConcurrentLinkedDeque<Slot> idle = new ConcurrentLinkedDeque<>();

    RenderSlots(Jinjava jinjava, JinjavaConfig config) {
        this.jinjava = jinjava;
        this.config = config;
    }

    /**
     * A slot for one render, its scope opened: the render's own context is the interpreter's current one. An idle
     * slot if there is one, else a new one (a parallel op, a render inside a render); a template that cannot share an
     * interpreter ({@code shareable} false, see {@link #shareable(Node)}) gets one made for it alone.
     */
    Slot take(boolean shareable) {
        Slot slot = shareable ? idle.pollFirst() : null;
        if (slot == null) {
            slot = new Slot(jinjava, config, shareable);
        }
        // the interpreter's random number generator is ThreadLocalRandom, which keeps its seed per thread
        ThreadLocalRandom.current();
        slot.interpreter.enterScope(config.getDisabled());
        return slot;
    }

    /** Closes the render's scope and keeps the slot for the next render, unless it cannot serve one. */
    void give(Slot slot) {
        if (slot.leave() && slot.shared) {
            idle.offerFirst(slot);
        }
    }

    /**
     * Whether renders of {@code root} leave nothing in the interpreter itself: {@code block} and {@code extends} keep
     * what they define in the interpreter, not in a scope, so such templates get an interpreter of their own.
     */
    static boolean shareable(Node root) {
        for (Node child : root.getChildren()) {
            if (child instanceof TagNode tag && (tag.getName().equals("block") || tag.getName().equals("extends"))) {
                return false;
            }
            if (!shareable(child)) {
                return false;
            }
        }
        return true;
    }
}
