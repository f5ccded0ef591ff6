package dev.sequor.run.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * One line at the bottom of a terminal that is redrawn in place: the text, then a carriage return before the next
 * text. Everything else written to the same terminal goes through {@link #guard}, which erases the line first and
 * draws it again once the cursor is back at the start of a line, so normal output is never mixed with it. Erasing
 * writes spaces over the text rather than an ANSI code, so it works on any terminal that honours a carriage return;
 * the text is cut to the terminal's width so that it never wraps (a wrapped line cannot be erased by a return).
 */
public final class StatusLine {

    private final OutputStream terminal;
    private final Colours colours;
    /** Asked once, when the line is first shown: most runs end before there is anything to show. */
    private final IntSupplier widthSource;
    private int width;
    /** What is on the screen now (null: nothing). */
    private String shown;
    /** What should be on the screen when normal output allows it (null: nothing). */
    private String wanted;
    /** False while normal output left the cursor inside a line (a line without its end, e.g. a prompt). */
    private boolean atLineStart = true;

    /** {@code terminal} is the raw stream of the terminal; {@code width} its columns. */
    public StatusLine(OutputStream terminal, int width) {
        this(terminal, () -> width, Colours.NONE);
    }

    /**
     * {@code width} tells the terminal's columns when the line is first shown (finding them out may start a process,
     * which a run that ends within a second should not pay for).
     */
    public StatusLine(OutputStream terminal, IntSupplier width, Colours colours) {
        this.terminal = terminal;
        this.widthSource = width;
        this.colours = colours;
    }

    /** The terminal's width: {@code $COLUMNS} when the shell exports it, else the classic 80. */
    public static int widthFromEnvironment(String columns) {
        try {
            return columns == null ? 80 : Integer.parseInt(columns.strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Shows {@code text} in place of the current line (cut to the width), now or after the line being written. */
    public synchronized void show(String text) {
        if (width == 0) {
            width = Math.max(10, widthSource.getAsInt());
        }
        String fitted = text.length() < width ? text : text.substring(0, width - 1);
        if (fitted.equals(shown)) {
            return;
        }
        wanted = fitted;
        if (atLineStart) {
            erase();
            draw();
        }
    }

    /** Removes the line, leaving the cursor where it was before it was drawn. */
    public synchronized void clear() {
        wanted = null;
        erase();
        flush();
    }

    /** {@code normal} with the line erased before each write and drawn again after it, if it ended a line. */
    public OutputStream guard(OutputStream normal) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                synchronized (StatusLine.this) {
                    erase();
                    normal.write(b);
                    atLineStart = b == '\n';
                    redraw(normal);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return;
                }
                synchronized (StatusLine.this) {
                    erase();
                    normal.write(b, off, len);
                    atLineStart = b[off + len - 1] == '\n';
                    redraw(normal);
                }
            }

            @Override
            public void flush() throws IOException {
                normal.flush();
            }
        };
    }

    /** After normal output: the line comes back once that output is on screen and the cursor at a line's start. */
    private void redraw(OutputStream normal) throws IOException {
        if (atLineStart && wanted != null) {
            normal.flush();
            draw();
        }
    }

    private void draw() {
        // the colour codes take no columns: the width and the erasing go by the text alone
        write(colours.progress(wanted));
        shown = wanted;
        flush();
    }

    private void erase() {
        if (shown == null) {
            return;
        }
        write("\r" + " ".repeat(shown.length()) + "\r");
        shown = null;
        flush();
    }

    private void write(String s) {
        try {
            terminal.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            terminal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
