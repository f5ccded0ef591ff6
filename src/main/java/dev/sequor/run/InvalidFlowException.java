package dev.sequor.run;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.flow.Diagnostics;
import java.util.List;

/** A flow that cannot run because parsing found errors; carries all of them so they are reported together. */
public final class InvalidFlowException extends SequorException {

    private final List<Diagnostics.Problem> problems;

    public InvalidFlowException(Diagnostics diag) {
        super(ExitCode.INVALID_INPUT, diag.errors().get(0).pos(), diag.errors().get(0).message(), null);
        this.problems = diag.errors();
    }

    public List<Diagnostics.Problem> problems() {
        return problems;
    }
}
