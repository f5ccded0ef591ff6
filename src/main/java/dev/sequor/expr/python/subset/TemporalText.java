package dev.sequor.expr.python.subset;

import java.time.LocalTime;

/** Pieces of datetime text shared by isoformat and strftime: a time at a timespec, a UTC offset. */
final class TemporalText {

    private TemporalText() {
    }

    /** {@code HH:MM:SS[.ffffff]} at Python's timespec: auto, hours, minutes, seconds, milliseconds, microseconds. */
    static String time(LocalTime t, String timespec) {
        int micros = t.getNano() / 1000;
        String spec = "auto".equals(timespec) ? (micros == 0 ? "seconds" : "microseconds") : timespec;
        return switch (spec) {
            case "hours" -> String.format("%02d", t.getHour());
            case "minutes" -> String.format("%02d:%02d", t.getHour(), t.getMinute());
            case "seconds" -> String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            case "milliseconds" -> String.format("%02d:%02d:%02d.%03d", t.getHour(), t.getMinute(), t.getSecond(), micros / 1000);
            default -> String.format("%02d:%02d:%02d.%06d", t.getHour(), t.getMinute(), t.getSecond(), micros);
        };
    }

    /** {@code +HH:MM[:SS]} with {@code sep} between the fields ({@code ""} for strftime's %z). */
    static String offset(int totalSeconds, String sep) {
        char sign = totalSeconds < 0 ? '-' : '+';
        int abs = Math.abs(totalSeconds);
        String text = String.format("%c%02d%s%02d", sign, abs / 3600, sep, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + sep + String.format("%02d", abs % 60);
    }
}
