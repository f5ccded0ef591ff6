package dev.sequor.error;

import java.util.concurrent.ExecutionException;

/** What a task run on another thread threw, thrown again on the thread that waited for it. */
public final class TaskFailures {

    private TaskFailures() {
    }

    /**
     * The task's own exception, for the caller to throw: a RuntimeException as it is (a SequorException keeps its
     * sentence and position), an Error thrown from here; anything else (the tasks here throw no checked exception)
     * wrapped.
     */
    public static RuntimeException cause(ExecutionException e) {
        switch (e.getCause()) {
            case RuntimeException r -> {
                return r;
            }
            case Error err -> throw err;
            default -> {
                return new IllegalStateException(e.getCause());
            }
        }
    }
}
