package dev.sequor.run;

import java.nio.file.Path;

/**
 * One {@code sequor run}: which flow of which project, in which environment, with which options.
 *
 * @param projectDir             the project folder (must exist)
 * @param homeDir                the Sequor home option as given (null for ~/.sequor)
 * @param env                    the --env option (null to use env.yaml / $SEQUOR_ENV / none)
 * @param flow                   the flow name (path under flows/ without .yaml)
 * @param options                op selection, debug and record/replay options
 * @param quiet                  no progress lines
 * @param javaStacktrace         print Java stack traces of errors
 * @param flowStacktrace         print the op stack of errors
 */
public record FlowRunRequest(Path projectDir, String homeDir, String env, String flow, RunOptions options,
                             boolean quiet, boolean javaStacktrace, boolean flowStacktrace) {
}
