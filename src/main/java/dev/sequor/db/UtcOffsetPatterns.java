package dev.sequor.db;

/**
 * The ISO-8601 date-times and UTC offsets that the SQL moving staged text into timestamp columns tells apart, as
 * regular expressions both MySQL's REGEXP and DuckDB's {@code regexp_matches} read. Offsets are taken as PostgreSQL
 * takes them, as {@link IsoDateText} does for inference: {@code +02:00}, {@code -0330}, {@code +02}, at most 15:59;
 * PostgreSQL refuses others ("time zone displacement out of range"), where DuckDB and MySQL would shift the time.
 */
final class UtcOffsetPatterns {

    /** An ISO-8601 date and time up to its zone, from the start of the text. */
    static final String DATE_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+";

    /** An ISO-8601 date alone, the whole text. */
    static final String DATE_ONLY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    /** An ISO-8601 date and time without a zone, the whole text (seconds and fractions optional). */
    static final String DATE_TIME_WITHOUT_ZONE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?$";

    /** An offset PostgreSQL takes. */
    static final String IN_RANGE = "[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?";

    /** An offset of the same shape that PostgreSQL refuses: 16 hours or more, or 60 minutes or more. */
    static final String OUT_OF_RANGE = "[+-]((1[6-9]|[2-9][0-9])(:?[0-9]{2})?|[0-9]{2}:?[6-9][0-9])";

    private UtcOffsetPatterns() {
    }
}
