package dev.sequor.db;

import dev.sequor.error.SourcePos;
import dev.sequor.testing.PostgresTestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sequor run that crashes mid-op, for {@link StagingLeftoversTest} (started in a JVM of its own): stages rows of a
 * create-mode write to {@code users}, prints "staged", waits for a line on standard input, then halts the JVM as a
 * crash or a kill -9 would (no finally blocks, no connection closed politely).
 * Arguments: {@code duckdb|postgres}, the conn_str, the project folder.
 */
public final class HaltMidOp {

    /** The exit code of the halt, so the test can tell it from a failure. */
    static final int HALTED = 3;

    private HaltMidOp() {
    }

    public static void main(String[] args) throws Exception {
        SourcePos pos = new SourcePos("flows/crash.yaml", 1, 1);
        Map<String, Object> config = new LinkedHashMap<>(args[0].equals("postgres")
                ? PostgresTestDatabase.sourceConfig() : Map.of("type", "duckdb"));
        config.put("conn_str", args[1]);
        Path dir = Path.of(args[2]);
        Databases databases = new Databases(dir, dir.resolve(".cache"));
        Database db = databases.open("stage", config, pos);
        TableWriteBatch batch = new TableWriteBatch();
        batch.target(db, null, "users", List.of(ColumnDef.of("id", "integer", "crash", pos),
                ColumnDef.of("name", "text", "crash", pos)), WriteMode.CREATE, pos)
                .addRows(List.of(Map.of("id", 7, "name", "new"), Map.of("id", 8, "name", "newer")));
        System.out.println("staged");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Runtime.getRuntime().halt(HALTED);
    }
}
