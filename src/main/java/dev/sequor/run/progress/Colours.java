package dev.sequor.run.progress;

import java.util.Map;

/**
 * Colour for what a run writes to a terminal: errors red, warnings yellow, the progress line dimmed. Off when the
 * stream is not a terminal (files and pipes get plain text), when {@code NO_COLOR} is set to anything
 * (https://no-color.org) and when {@code TERM} is {@code dumb}.
 */
public record Colours(boolean on) {

    public static final Colours NONE = new Colours(false);

    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String DIM = "\033[2m";
    private static final String RESET = "\033[0m";

    /** For a stream that is ({@code terminal}) or is not a terminal, in the environment {@code env}. */
    public static Colours of(boolean terminal, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        boolean wanted = terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
        return wanted ? new Colours(true) : NONE;
    }

    public String error(String text) {
        return wrap(RED, text);
    }

    public String warning(String text) {
        return wrap(YELLOW, text);
    }

    public String progress(String text) {
        return wrap(DIM, text);
    }

    private String wrap(String code, String text) {
        return on ? code + text + RESET : text;
    }
}
