package dev.sequor.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL database for one test class's {@link FlowProject}s, unique to the test JVM (so runs in several checkouts
 * at once never share it), created before the class and dropped after it; nothing happens when PostgreSQL is
 * unreachable (the PostgreSQL cases then skip themselves). Register it as a static field:
 * <pre>{@code
 * @RegisterExtension
 * static final FlowTestDatabase pg = new FlowTestDatabase("sequor_parallel_for_each");
 * ... FlowProject.create(tmp, db, pg.name(), ...)
 * }</pre>
 */
public final class FlowTestDatabase implements BeforeAllCallback, AfterAllCallback {

    private final String name;

    public FlowTestDatabase(String prefix) {
        this.name = PostgresTestDatabase.uniqueDatabaseName(prefix);
    }

    /** The database's name, for {@link FlowProject#create}. */
    public String name() {
        return name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FlowProject.recreatePostgresDatabase(name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (PostgresTestDatabase.available()) {
            PostgresTestDatabase.dropDatabase(name);
        }
    }
}
