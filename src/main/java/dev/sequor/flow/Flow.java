package dev.sequor.flow;

import dev.sequor.flow.op.Op;
import java.util.List;

/**
 * A parsed flow file: its name (path under {@code flows/} without {@code .yaml}), the file as shown in
 * messages, its steps, and whether any of it needs Python (so the engine starts early, and only then).
 */
public record Flow(String name, String file, String description, List<Op> steps, boolean usesPython) {
}
