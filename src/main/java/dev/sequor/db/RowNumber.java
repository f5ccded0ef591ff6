package dev.sequor.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code _row} number of a parent row whose table has child tables and no primary key: its 1-based position among
 * the rows the op writes to that table (after the largest {@code _row} already there, in append mode). It is known
 * only when the parent's target takes the row, in the order the op's rows land (for_each rows in parallel included),
 * so the records that {@code child_tables} makes carry this placeholder, shared by the parent row ({@code _row}) and
 * its child rows ({@code _parent_row}), and the targets put the number in its place ({@link Linked#resolve}).
 */
public final class RowNumber {

    /** The parent table's column that numbers its rows. */
    public static final String COLUMN = "_row";
    /** The child tables' column that holds their parent's {@link #COLUMN}. */
    public static final String PARENT_COLUMN = "_parent_row";

    /** 0 until the parent's target takes the row. */
    private long value;

    /**
     * A record of a parent or child row made by {@code child_tables}: its values may hold {@link RowNumber}s, which a
     * target replaces with their numbers when it takes the record.
     */
    public static final class Linked extends LinkedHashMap<String, Object> {

        /**
         * Under a merge: the load number of the parent row (the parent's own, or, in a child row, its parent's), so
         * that of the rows loaded with one key only the children of the last one land (the parent's last row wins).
         */
        private RowNumber loadNumber;
        private boolean ownsLoadNumber;

        /** A parent row: the target that takes it gives it {@code number} as its load number. */
        public Linked numberedBy(RowNumber number) {
            loadNumber = number;
            ownsLoadNumber = true;
            return this;
        }

        /** A child row: it carries its parent's load number, {@code number}. */
        public Linked childOf(RowNumber number) {
            loadNumber = number;
            ownsLoadNumber = false;
            return this;
        }

        /**
         * The load number of this row: a parent's is assigned from {@code next} (it is being taken), a child's is its
         * parent's, assigned already; null for a record without one.
         */
        String loadNumber(LongSupplier next) {
            if (loadNumber == null) {
                return null;
            }
            if (ownsLoadNumber && loadNumber.value == 0) {
                loadNumber.value = next.getAsLong();
            }
            if (loadNumber.value == 0) {
                throw new IllegalStateException("child row taken before its parent row (load number)");
            }
            return Long.toString(loadNumber.value);
        }

        /**
         * Puts the numbers in place in this record and returns it: the number under {@link #COLUMN} is assigned from
         * {@code next} (this is the parent row), every other must have been assigned already (its parent was taken
         * before it). In place rather than in a copy (15% of the op thread's samples went into copying records with
         * child_tables, bench/README.md): a record is taken by one target, and taking it again finds numbers only.
         */
        Map<String, Object> resolve(LongSupplier next) {
            for (Map.Entry<String, Object> e : entrySet()) {
                if (e.getValue() instanceof RowNumber n) {
                    if (n.value == 0 && e.getKey().equals(COLUMN)) {
                        n.value = next.getAsLong();
                    }
                    if (n.value == 0) {
                        throw new IllegalStateException("child row taken before its parent row: " + e.getKey());
                    }
                    e.setValue(n.value);
                }
            }
            return this;
        }
    }

    @Override
    public String toString() {
        return value == 0 ? "(not numbered yet)" : Long.toString(value);
    }
}
