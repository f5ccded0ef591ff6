package dev.sequor.db;

import java.util.List;
import java.util.Optional;

/**
 * The one list of source types: what a source file's {@code type:} may be, which of them are databases and how each
 * opens. Connection, run context, validation and every message that lists the types read it from here, so adding a
 * database is one dialect, one connector, one line below and its page under {@code docs/databases/}.
 * <p>
 * The openers are lambdas, not method references, so that reading this list loads no connector or driver class:
 * a flow that never opens a database never pays for one (see {@code StartupClassesIT}).
 */
public final class SourceTypes {

    public static final String HTTP = "http";

    /** The keys of database source files that hold secrets, masked wherever a run prints text. */
    public static final List<String> SECRET_KEYS = List.of("password", "private_key_file_pwd");

    private static final List<SourceType> ALL = List.of(
            new SourceType("duckdb", () -> DuckDbDialect.INSTANCE, List.of("conn_str", "allow_external_access"),
                    List.of("conn_str"), c -> DuckDbConnector.open(c)),
            new SourceType("postgres", () -> PostgresDialect.INSTANCE, List.of("conn_str", "username", "password"),
                    List.of("conn_str"), c -> PostgresConnector.open(c)),
            new SourceType("mysql", () -> MySqlDialect.INSTANCE, List.of("conn_str", "username", "password"),
                    List.of("conn_str"), c -> MySqlConnector.open(c)),
            new SourceType("snowflake", () -> SnowflakeDialect.INSTANCE, SnowflakeSettings.KEYS,
                    List.of("account"), c -> SnowflakeConnector.open(c)),
            new SourceType("jdbc", null, List.of("url", "driver", "driver_path", "dialect", "username", "password"),
                    List.of("url", "driver"), c -> GenericJdbcConnector.open(c)),
            new SourceType(HTTP, null, List.of(), List.of(), null));

    /** The dialect of {@code type: jdbc} sources that speak standard SQL only. */
    private static final String ANSI = "ansi";

    private SourceTypes() {
    }

    /** The type written {@code name}, if there is one. */
    public static Optional<SourceType> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** True when {@code name} is a database type. */
    public static boolean isDatabase(String name) {
        return named(name).map(SourceType::isDatabase).orElse(false);
    }

    /** Every type name, databases first: duckdb, postgres, mysql, snowflake, jdbc, http. */
    public static List<String> names() {
        return ALL.stream().map(SourceType::name).toList();
    }

    /** The database type names. */
    public static List<String> databaseNames() {
        return ALL.stream().filter(SourceType::isDatabase).map(SourceType::name).toList();
    }

    /** What {@code dialect:} of a {@code type: jdbc} source may name: each type's own dialect, and ansi. */
    public static List<String> dialectNames() {
        List<String> names = new java.util.ArrayList<>(ALL.stream().filter(t -> t.dialect() != null)
                .map(SourceType::name).toList());
        names.add(ANSI);
        return names;
    }

    /** The dialect a {@code type: jdbc} source names. */
    static Optional<Dialect> dialect(String name) {
        if (name.equals(ANSI)) {
            return Optional.of(AnsiDialect.INSTANCE);
        }
        return named(name).filter(t -> t.dialect() != null).map(t -> t.dialect().get());
    }

    /** "duckdb, postgres, mysql, snowflake or jdbc", for messages that expect a database type. */
    public static String databaseChoices() {
        return orList(databaseNames());
    }

    /** "duckdb, postgres, mysql, snowflake, jdbc or http". */
    public static String allChoices() {
        return orList(names());
    }

    private static String orList(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
