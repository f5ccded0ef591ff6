package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.DuckDbFiles;
import dev.sequor.testing.MySqlTestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sequor run --record DIR} / {@code --replay DIR} end to end: a flow calls a WireMock API through an
 * {@code http} source with a bearer token from the environment file, records the exchange without the token,
 * then replays it with the API gone and lands the same rows; an unrecorded request fails clearly.
 */
@QuarkusMainTest
class RecordReplayCliTest {

    private static final String TOKEN = "s3cr3t-TOKEN-42";
    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;
    Path project;
    Path home;

    @BeforeEach
    void projectWithHttpSource() throws IOException {
        api.resetAll();
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/items"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                .willReturn(WireMock.okJson("{\"data\":[{\"id\":1,\"name\":\"Ann\"},{\"id\":2,\"name\":\"Bob\"}]}")));
        project = Files.createDirectories(tmp.resolve("project"));
        home = tmp.resolve("home");
        Files.writeString(project.resolve("project.yaml"), "name: recorder\n");
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("sources/stage.yaml"), "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
        Files.writeString(project.resolve("sources/api.yaml"), "type: http\nauth:\n  type: bearer_token\n"
                + "  token: \"{{ var('api_token') }}\"\n");
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/test.yaml"), "variables:\n  api_token: \"" + TOKEN + "\"\n"
                + "  base_url: \"" + api.baseUrl() + "\"\n");
        Files.createDirectories(project.resolve("flows"));
        flow(2);
    }

    @Test
    void recordsWithoutTheTokenThenReplaysWithoutTheNetwork(QuarkusMainLauncher launcher) throws Exception {
        Path rec = tmp.resolve("recordings");
        LaunchResult recorded = run(launcher, "--record", rec.toString());
        assertThat(recorded.exitCode()).as(recorded.getErrorOutput()).isZero();
        assertThat(recorded.getErrorOutput()).isEmpty();
        assertThat(api.getAllServeEvents()).hasSize(1);
        assertThat(rows()).containsExactly("1|Ann", "2|Bob");

        List<Path> files = files(rec);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("0001-GET-"
                + java.net.URI.create(api.baseUrl()).getHost() + ".json");
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(text).doesNotContain(TOKEN).contains("\"Authorization\" : [ \"<redacted>\" ]")
                    .contains("\"url\" : \"" + api.baseUrl() + "/items?limit=2\"");
        }

        // the API forgets everything: any request that still reached it would get a 404 and fail the op
        api.resetAll();
        Files.delete(project.resolve("stage.duckdb"));
        LaunchResult replayed = run(launcher, "--replay", rec.toString());
        assertThat(replayed.exitCode()).as(replayed.getErrorOutput()).isZero();
        assertThat(replayed.getErrorOutput()).isEmpty();
        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(rows()).containsExactly("1|Ann", "2|Bob");
        assertThat(files(rec)).hasSize(1);
    }

    /** The recordings are the database's business as little as the network's: the same on MariaDB. */
    @Test
    void recordsAndReplaysIntoMariaDb(QuarkusMainLauncher launcher) throws Exception {
        MySqlTestDatabase.assumeAvailable();
        try (MySqlTestDatabase my = MySqlTestDatabase.createDatabase()) {
            Files.writeString(project.resolve("sources/stage.yaml"), "type: mysql\nconn_str: \""
                    + MySqlTestDatabase.url(my.database()) + "\"\nusername: \"" + MySqlTestDatabase.user()
                    + "\"\npassword: \"" + MySqlTestDatabase.password() + "\"\n");
            Path rec = tmp.resolve("recordings");
            LaunchResult recorded = run(launcher, "--record", rec.toString());
            assertThat(recorded.exitCode()).as(recorded.getErrorOutput()).isZero();
            assertThat(mySqlRows(my)).containsExactly("1|Ann", "2|Bob");
            api.resetAll();
            MySqlTestDatabase.run("DROP TABLE `" + my.database() + "`.`items`");
            LaunchResult replayed = run(launcher, "--replay", rec.toString());
            assertThat(replayed.exitCode()).as(replayed.getErrorOutput()).isZero();
            assertThat(api.getAllServeEvents()).isEmpty();
            assertThat(mySqlRows(my)).containsExactly("1|Ann", "2|Bob");
        }
    }

    private static List<String> mySqlRows(MySqlTestDatabase my) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = MySqlTestDatabase.connect(my.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM items ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2));
            }
        }
        return rows;
    }

    @Test
    void replayOfAnUnrecordedRequestFailsNamingTheRequestAndTheFolder(QuarkusMainLauncher launcher) throws Exception {
        Path rec = tmp.resolve("recordings");
        assertThat(run(launcher, "--record", rec.toString()).exitCode()).isZero();
        api.resetAll();
        flow(3);
        LaunchResult r = run(launcher, "--replay", rec.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getErrorOutput()).isEqualTo("flows/main.yaml:2:5: Error in \"http_request: get_items\": No recording in "
                + rec + " answers GET " + api.baseUrl() + "/items?limit=3 (1 recordings there); record it with --record "
                + rec + ".\n"
                + "Stacktrace (most recent op last):\n"
                + "\"run_flow: main\"\n"
                + "  -> \"http_request: get_items\" [step 1 in flow \"main\"]");
        assertThat(r.getErrorOutput()).doesNotContain(TOKEN);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void replayOfAMissingFolderIsInvalidInput(QuarkusMainLauncher launcher) {
        Path rec = tmp.resolve("never-recorded");
        LaunchResult r = run(launcher, "--replay", rec.toString(), "--disable-flow-stacktrace");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).isEqualTo("flows/main.yaml:2:5: Error in \"http_request: get_items\": The replay"
                + " folder " + rec + " does not exist; record one with --record " + rec + ".");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void recordAndReplayTogetherIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult r = run(launcher, "--record", tmp.resolve("a").toString(), "--replay", tmp.resolve("b").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).isEqualTo("Error: --record and --replay cannot be used together.");
        assertThat(r.getOutput()).isEmpty();
        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "main", "-p", project.toString(), "--home-dir",
                home.toString(), "--env", "test", "-q"));
        args.addAll(List.of(extra));
        return launcher.launch(args.toArray(String[]::new));
    }

    private void flow(int limit) throws IOException {
        Files.writeString(project.resolve("flows/main.yaml"), """
                steps:
                  - op: http_request
                    id: get_items
                    request:
                      source: api
                      url: "{{ var('base_url') }}/items"
                      parameters: {limit: %d}
                    response:
                      success_status: [200]
                      tables:
                        - source: stage
                          table: items
                          columns: {id: integer, name: text}
                          data_expression: response.json()["data"]
                """.formatted(limit));
    }

    /** The rows of {@code items} as {@code id|name}, read and closed before the next run opens the file. */
    private List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DuckDbFiles.connect(project.resolve("stage.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM items ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2));
            }
        }
        return rows;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
