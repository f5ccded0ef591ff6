package dev.sequor.error;

/**
 * Where a thing was written: file, 1-based line and column. Every parsed node carries one so that
 * any error can say {@code file:line:col}.
 */
public record SourcePos(String file, int line, int col) {

    public static final SourcePos UNKNOWN = new SourcePos("<unknown>", 0, 0);

    /** A position inside a multi-line value (e.g. line 3 of a Python snippet that starts here). */
    public SourcePos plusLines(int lines) {
        return lines == 0 ? this : new SourcePos(file, line + lines, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
