package dev.sequor.db;

/** Receives the rows of {@link Database#forEachRow} one at a time; may throw to stop the iteration. */
@FunctionalInterface
public interface RowHandler {
    void accept(Row row) throws Exception;
}
