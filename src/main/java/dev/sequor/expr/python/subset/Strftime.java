package dev.sequor.expr.python.subset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.Temporal;

/**
 * {@code strftime} as CPython on Linux gives it (it passes the format to glibc's, C locale): C's directives and
 * glibc's ({@code %e %D %T %R %r %h %n %t %C %g %k %l %P %s %F}, the {@code -} flag that drops a number's padding);
 * any other {@code %x} is copied as written, as glibc does. A time-only value formats with 1900-01-01 as its date,
 * a date with midnight as its time. (GraalPy 25.2 copies the glibc-only directives as written.)
 */
final class Strftime {

    static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Strftime() {
    }

    static String format(Temporal t, String fmt) {
        LocalDateTime dt;
        if (t instanceof LocalDate d) {
            dt = d.atStartOfDay();
        } else if (t instanceof LocalTime lt) {
            dt = LocalDate.of(1900, 1, 1).atTime(lt);
        } else {
            dt = TemporalMethods.local(t);
        }
        Integer offset = t instanceof OffsetDateTime o ? o.getOffset().getTotalSeconds() : null;
        StringBuilder sb = new StringBuilder(fmt.length() + 16);
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char d = fmt.charAt(i + 1);
            if (d == ':' && i + 2 < fmt.length() && fmt.charAt(i + 2) == 'z') {
                sb.append(offset == null ? "" : TemporalText.offset(offset, ":"));
                i += 2;
                continue;
            }
            boolean unpadded = d == '-' && i + 2 < fmt.length();
            String piece = directive(unpadded ? fmt.charAt(i + 2) : d, dt, offset);
            if (piece != null && unpadded) {
                piece = unpadded(piece);
                i++;
            }
            if (piece == null) {
                sb.append(c);
                continue; // not a directive: the '%' and what follows are copied
            }
            sb.append(piece);
            i++;
        }
        return sb.toString();
    }

    /** glibc's {@code -} flag: a number without its zero or space padding; text is left as it is. */
    private static String unpadded(String piece) {
        String digits = piece.stripLeading();
        if (!digits.chars().allMatch(Character::isDigit) || digits.isEmpty()) {
            return piece;
        }
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    private static String directive(char d, LocalDateTime dt, Integer offset) {
        int dayOfWeek = dt.getDayOfWeek().getValue() - 1; // Monday = 0
        int yday = dt.getDayOfYear() - 1;
        return switch (d) {
            case 'Y' -> String.valueOf(dt.getYear());
            case 'y' -> String.format("%02d", dt.getYear() % 100);
            case 'm' -> String.format("%02d", dt.getMonthValue());
            case 'd' -> String.format("%02d", dt.getDayOfMonth());
            case 'H' -> String.format("%02d", dt.getHour());
            case 'I' -> String.format("%02d", (dt.getHour() + 11) % 12 + 1);
            case 'M' -> String.format("%02d", dt.getMinute());
            case 'S' -> String.format("%02d", dt.getSecond());
            case 'f' -> String.format("%06d", dt.getNano() / 1000);
            case 'p' -> dt.getHour() < 12 ? "AM" : "PM";
            case 'a' -> DAYS[dayOfWeek].substring(0, 3);
            case 'A' -> DAYS[dayOfWeek];
            case 'b' -> MONTHS[dt.getMonthValue() - 1].substring(0, 3);
            case 'B' -> MONTHS[dt.getMonthValue() - 1];
            case 'j' -> String.format("%03d", yday + 1);
            case 'w' -> String.valueOf((dayOfWeek + 1) % 7);
            case 'u' -> String.valueOf(dayOfWeek + 1);
            case 'U' -> String.format("%02d", (yday + 7 - (dayOfWeek + 1) % 7) / 7);
            case 'W' -> String.format("%02d", (yday + 7 - dayOfWeek) / 7);
            case 'G' -> String.format("%04d", dt.get(IsoFields.WEEK_BASED_YEAR));
            case 'V' -> String.format("%02d", dt.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'c' -> DAYS[dayOfWeek].substring(0, 3) + " " + MONTHS[dt.getMonthValue() - 1].substring(0, 3) + " "
                    + String.format("%2d %02d:%02d:%02d ", dt.getDayOfMonth(), dt.getHour(), dt.getMinute(), dt.getSecond())
                    + dt.getYear();
            case 'x' -> String.format("%02d/%02d/%02d", dt.getMonthValue(), dt.getDayOfMonth(), dt.getYear() % 100);
            case 'X' -> String.format("%02d:%02d:%02d", dt.getHour(), dt.getMinute(), dt.getSecond());
            case 'e' -> String.format("%2d", dt.getDayOfMonth());
            case 'k' -> String.format("%2d", dt.getHour());
            case 'l' -> String.format("%2d", (dt.getHour() + 11) % 12 + 1);
            case 'P' -> dt.getHour() < 12 ? "am" : "pm";
            case 'h' -> MONTHS[dt.getMonthValue() - 1].substring(0, 3);
            case 'C' -> String.valueOf(dt.getYear() / 100); // glibc: '0' for year 5, as %Y gives '5'

            case 'g' -> String.format("%02d", dt.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'D' -> String.format("%02d/%02d/%02d", dt.getMonthValue(), dt.getDayOfMonth(), dt.getYear() % 100);
            case 'F' -> String.format("%d-%02d-%02d", dt.getYear(), dt.getMonthValue(), dt.getDayOfMonth());
            case 'T' -> String.format("%02d:%02d:%02d", dt.getHour(), dt.getMinute(), dt.getSecond());
            case 'R' -> String.format("%02d:%02d", dt.getHour(), dt.getMinute());
            case 'r' -> String.format("%02d:%02d:%02d ", (dt.getHour() + 11) % 12 + 1, dt.getMinute(), dt.getSecond())
                    + (dt.getHour() < 12 ? "AM" : "PM");
            case 'n' -> "\n";
            case 't' -> "\t";
            // seconds since the epoch of the wall time read in the process's time zone (CPython's mktime), offset or not
            case 's' -> String.valueOf(dt.atZone(ZoneId.systemDefault()).toEpochSecond());
            case 'z' -> offset == null ? "" : TemporalText.offset(offset, "");
            case 'Z' -> offset == null ? "" : PyTimezone.nameFromOffset(offset);
            case '%' -> "%";
            default -> null;
        };
    }
}
