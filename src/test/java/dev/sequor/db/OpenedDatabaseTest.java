package dev.sequor.db;

import dev.sequor.error.SourcePos;
import dev.sequor.testing.OpenedDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the behaviour tests run once per database share: the subclass opens the source "stage" on its database
 * ({@link #open()}) once before all tests, and it is closed and dropped after them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenedDatabaseTest {

    OpenedDatabase opened;
    /** The source "stage". */
    Database db;
    /** Namespace the tests write to. */
    String ns;

    /** "stage" on this class's database: one of {@link OpenedDatabase}'s factories. */
    abstract OpenedDatabase open() throws Exception;

    @BeforeAll
    void setUp() throws Exception {
        opened = open();
        db = opened.db();
        ns = opened.ns();
    }

    @AfterAll
    void tearDown() {
        if (opened != null) {
            opened.close();
        }
    }

    String q(String table) {
        return db.dialect().qualified(ns, table);
    }

    /** Columns {@code name type, ...} declared at {@code pos}. */
    static List<ColumnDef> columnsAt(SourcePos pos, String... nameTypePairs) {
        List<ColumnDef> out = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            out.add(ColumnDef.of(nameTypePairs[i], nameTypePairs[i + 1], "test", pos));
        }
        return out;
    }

    /** {@code count} records made by {@code record} from the numbers {@code from}, {@code from + 1}, ... */
    static List<Map<String, Object>> records(int from, int count, IntFunction<Map<String, Object>> record) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(record.apply(i));
        }
        return rows;
    }

    static Map<String, Object> rec(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
