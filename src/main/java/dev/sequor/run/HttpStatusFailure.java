package dev.sequor.run;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;

/** An HTTP response whose status the op did not expect; keeps the status for {@code var('error')}. */
public final class HttpStatusFailure extends SequorException {

    private final int statusCode;

    public HttpStatusFailure(SourcePos pos, int statusCode, String message) {
        super(ExitCode.FLOW_FAILED, pos, message, null);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
