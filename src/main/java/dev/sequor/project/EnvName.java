package dev.sequor.project;

import dev.sequor.error.SequorException;

/**
 * An environment name names a file directly inside {@code <home>/envs/}; a name with a path separator or
 * {@code ..} would read or write elsewhere ({@code sequor env init ../../x}), so such names are refused.
 */
public final class EnvName {

    private EnvName() {
    }

    /** {@code name} when it is a plain file name; otherwise a one-line invalid-input error. */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw SequorException.invalid(null, "Environment name is empty; give a name such as dev or prod.");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.indexOf('\0') >= 0) {
            throw SequorException.invalid(null, "Environment name \"" + name + "\" is not valid: it must not contain"
                    + " '/', '\\' or '..' (environments are files directly inside <home>/envs/).");
        }
        return name;
    }
}
