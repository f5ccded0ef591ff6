package dev.sequor.db;

/**
 * PostgreSQL keeps the first 63 bytes of a longer name (NAMEDATALEN - 1), cut at a character boundary, everywhere it
 * reads one: in CREATE TABLE, in INSERT's column list, in a user's SELECT. So a flattened column or a child table
 * named past that works in SQL under its whole name, but its catalog lists it cut, and Sequor must look it up cut.
 */
final class PostgresNames {

    /** The longest name PostgreSQL stores, in bytes of UTF-8. */
    static final int MAX_BYTES = 63;

    private PostgresNames() {
    }

    /** {@code name} as PostgreSQL stores it: itself, or its longest prefix of whole characters within 63 bytes. */
    static String stored(String name) {
        // 63 bytes hold any 15 characters (4 bytes at most each): most names are never measured
        if (name.length() <= MAX_BYTES / 4) {
            return name;
        }
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes > MAX_BYTES) {
                return name.substring(0, i);
            }
            i += Character.charCount(cp);
        }
        return name;
    }
}
