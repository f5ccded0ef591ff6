package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.ARRAY;
import static dev.sequor.flow.spec.JsonType.NUMBER;
import static dev.sequor.flow.spec.JsonType.OBJECT;
import static dev.sequor.flow.spec.JsonType.STRING;
import static dev.sequor.flow.spec.KeySpec.literal;

/**
 * The keys of {@code project.yaml} and of an environment file ({@code <home>/envs/NAME.yaml}). Their readers
 * ({@code project.Project}, {@code project.Environment}) ignore other keys, as upstream does, so the sections are
 * open: the schema completes and checks these keys and lets others be.
 */
public final class ProjectFileSpecs {

    private ProjectFileSpecs() {
    }

    public static final SectionSpec PROJECT = SectionSpec.open("project",
            "A Sequor project's project.yaml.",
            literal("name", "The project's name (also names its persisted variables in the home).", STRING)
                    .mandatory(),
            literal("default_source", "The database source query_value() and other defaults use.", STRING),
            literal("evaluation_timeout_seconds", "Time limit of one Python snippet evaluation or template render.",
                    NUMBER).dflt(60));

    public static final SectionSpec ENVIRONMENT = SectionSpec.open("environment",
            "An environment file (<home>/envs/NAME.yaml), chosen with --env, env.yaml or SEQUOR_ENV.",
            literal("variables", "The variables, the last level of var() lookup.", OBJECT),
            literal("secrets", "Further variables whose values are credentials (masked), beyond those named like"
                    + " KEY, TOKEN, SECRET, PASSWORD or AUTH.", ARRAY));
}
