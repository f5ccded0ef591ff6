package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.OBJECT;
import static dev.sequor.flow.spec.KeySpec.dyn;
import static dev.sequor.flow.spec.KeySpec.literal;

/** The keys of {@code set_variable} and {@code print}. */
public final class VariableOpSpecs {

    private VariableOpSpecs() {
    }

    public static final SectionSpec SET_VARIABLE = SectionSpec.closed("set_variable",
            "Sets variables.",
            literal("set", "name: value (project scope, persisted) or name: {value, scope: local|project}.", OBJECT)
                    .mandatory());

    public static final SectionSpec PRINT = SectionSpec.closed("print",
            "Prints a message to standard output.",
            dyn("message", "The message.", new JsonType[0]).mandatory());
}
