package dev.sequor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.run.FlowRunRequest;
import dev.sequor.run.FlowRunner;
import dev.sequor.run.RunOptions;
import dev.sequor.testing.DuckDbFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example runs offline from its recordings, as the quick start does: every request the flow
 * sends is answered (a changed flow or recording fails here first), and the warehouse holds the orders and
 * the metrics the PATCH bodies were built from.
 */
class ShopifyMailchimpExampleTest {

    private static final Path EXAMPLE = Path.of("examples/shopify-mailchimp");

    @TempDir
    Path tmp;

    @Test
    void customerSyncReplaysAndFillsTheWarehouse() throws Exception {
        Path project = tmp.resolve("project");
        copy(EXAMPLE, project);
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("envs"));
        Files.copy(EXAMPLE.resolve("demo-env.yaml"), home.resolve("envs/demo.yaml"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunOptions options = new RunOptions(null, null, false, false, false, null, project.resolve("recordings"));
        int exit = new FlowRunner(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new FlowRunRequest(project, home.toString(), "demo", "customer_sync", options, true, false, true));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (Connection c = DuckDbFiles.connect(project.resolve("data/shop.duckdb"))) {
            assertThat(rows(c, "SELECT id, customer_id, email, total_price, total_items FROM shopify_orders ORDER BY id"))
                    .containsExactly("5101|9001|ann@example.com|120.50|3", "5102|9002|bob@example.com|35.00|1",
                            "5103|9001|ann@example.com|79.50|3", "5104|9003|cy@example.com|12.99|1",
                            "5105|null|null|5.00|1");
            assertThat(rows(c, "SELECT email, total_spent, order_count FROM customer_metrics ORDER BY email"))
                    .containsExactly("ann@example.com|200.00|2", "bob@example.com|35.00|1", "cy@example.com|12.99|1");
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(p -> !p.toString().contains("/data/")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
