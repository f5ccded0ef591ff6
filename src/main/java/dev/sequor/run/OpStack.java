package dev.sequor.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The ops being run, outermost first, printed in errors the way upstream prints its stack:
 * <pre>
 * "run_flow: myflow"
 *   -> "http_request: get_customers" [step 1 in flow "myflow"]
 * </pre>
 */
public final class OpStack {

    /** One running op and where it sits: {@code kind} is flow, block, for_each, condition_block, ... */
    public record Entry(String label, String kind, String containerName, Integer index) {
        String location() {
            if (kind == null) {
                return "";
            }
            String in = kind + (containerName == null ? "" : " \"" + containerName + "\"");
            String what = kind.equals("if") ? "condition" : "step";
            return index == null ? " [in " + in + "]" : " [" + what + " " + (index + 1) + " in " + in + "]";
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public void push(Entry e) {
        entries.addLast(e);
    }

    public void pop() {
        entries.removeLast();
    }

    public int size() {
        return entries.size();
    }

    /** The stack as lines, outermost first. */
    public List<String> render() {
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); i++) {
            Entry e = it.next();
            lines.add("  ".repeat(i) + (i > 0 ? "-> " : "") + "\"" + e.label() + "\"" + e.location());
        }
        return lines;
    }
}
