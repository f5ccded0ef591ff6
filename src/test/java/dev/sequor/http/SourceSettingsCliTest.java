package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sequor.testing.DuckDbFiles;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source-level settings end to end: a flow whose ops write relative URLs lands the rows of the source's base_url
 * with its default headers, tls.insecure is warned about once per run, and {@code sequor validate} reports bad
 * values of the new keys at the source file.
 */
@QuarkusMainTest
class SourceSettingsCliTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;
    Path project;
    Path home;

    @BeforeEach
    void project() throws IOException {
        api.resetAll();
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/items"))
                .willReturn(WireMock.okJson("{\"data\":[{\"id\":1,\"name\":\"Ann\"},{\"id\":2,\"name\":\"Bob\"}]}")));
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/count")).willReturn(WireMock.okJson("{\"data\":[{\"id\":2}]}")));
        project = Files.createDirectories(tmp.resolve("project"));
        home = tmp.resolve("home");
        Files.writeString(project.resolve("project.yaml"), "name: settings\n");
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("sources/stage.yaml"), "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/test.yaml"), "variables:\n  api_url: \"" + api.baseUrl() + "\"\n");
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/main.yaml"), """
                steps:
                  - op: http_request
                    id: get_items
                    request:
                      source: api
                      url: items
                      parameters: {limit: 2}
                    response:
                      success_status: [200]
                      tables:
                        - source: stage
                          table: items
                          columns: {id: integer, name: text}
                          data_expression: response.json()["data"]
                  - op: http_request
                    id: get_count
                    request:
                      source: api
                      url: /count
                      headers: {x-tenant: "override"}
                    response:
                      success_status: [200]
                      tables:
                        - source: stage
                          table: counts
                          columns: {id: integer}
                          data_expression: response.json()["data"]
                """);
    }

    private void source(String yaml) throws IOException {
        Files.writeString(project.resolve("sources/api.yaml"), yaml);
    }

    private LaunchResult run(QuarkusMainLauncher launcher) {
        return launcher.launch("run", "main", "-p", project.toString(), "--home-dir", home.toString(), "--env", "test",
                "-q");
    }

    @Test
    void relativeUrlsGoToTheBaseUrlWithTheDefaultHeaders(QuarkusMainLauncher launcher) throws Exception {
        source("""
                type: http
                base_url: "{{ var('api_url') }}/v1"
                headers: {X-Tenant: acme, Accept: application/json}
                rate_limit: {requests_per_second: 50, max_concurrency: 2}
                """);
        LaunchResult r = run(launcher);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getErrorOutput()).isEmpty();
        assertThat(rows()).containsExactly("1|Ann", "2|Bob");
        List<LoggedRequest> sent = api.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
        assertThat(sent).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder("/v1/items?limit=2", "/v1/count");
        assertThat(sent).allSatisfy(q -> assertThat(q.getHeader("Accept")).isEqualTo("application/json"));
        assertThat(sent).extracting(q -> q.getHeader("X-Tenant")).containsExactlyInAnyOrder("acme", "override");
    }

    @Test
    void insecureTlsIsWarnedAboutOncePerRun(QuarkusMainLauncher launcher) throws Exception {
        source("""
                type: http
                base_url: "{{ var('api_url') }}/v1"
                tls: {insecure: true}
                """);
        LaunchResult r = run(launcher);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getErrorOutput()).isEqualTo("sources/api.yaml:3:6: warning: Source \"api\" has tls.insecure: true;"
                + " the certificates of its hosts are not checked, so anyone on the network path can read and change its"
                + " traffic.");
        assertThat(rows()).containsExactly("1|Ann", "2|Bob");

        LaunchResult validate = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(validate.exitCode()).as(validate.getErrorOutput()).isZero();
        assertThat(validate.getOutput() + validate.getErrorOutput()).containsOnlyOnce("sources/api.yaml:3:6: warning:"
                + " Source \"api\" has tls.insecure: true; the certificates of its hosts are not checked, so anyone on the"
                + " network path can read and change its traffic.");
        LaunchResult strict = launcher.launch("validate", "-p", project.toString(), "--skip-python", "--strict");
        assertThat(strict.exitCode()).isNotZero();
    }

    @Test
    void aRelativeUrlWithoutBaseUrlFailsTheOp(QuarkusMainLauncher launcher) throws Exception {
        source("type: http\n");
        LaunchResult r = launcher.launch("run", "main", "-p", project.toString(), "--home-dir", home.toString(), "--env",
                "test", "-q", "--disable-flow-stacktrace");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getErrorOutput()).isEqualTo("flows/main.yaml:2:5: Error in \"http_request: get_items\": The request"
                + " URL 'items?limit=2' is relative, but source \"api\" has no base_url; write an absolute URL or set"
                + " base_url in the source file.");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    /** As validate reports it (README "What is checked before a run"): at the source file, before anything runs. */
    @Test
    void aMissingCaFileStopsTheRunBeforeTheFirstStep(QuarkusMainLauncher launcher) throws Exception {
        source("""
                type: http
                base_url: "{{ var('api_url') }}/v1"
                tls: {ca_file: certs/missing.pem}
                """);
        LaunchResult r = launcher.launch("run", "main", "-p", project.toString(), "--home-dir", home.toString(), "--env",
                "test", "--disable-flow-stacktrace");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).isEqualTo("sources/api.yaml:3:6: Source \"api\": tls.ca_file "
                + project.resolve("certs/missing.pem") + " cannot be read: no such file.");
        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(project.resolve("stage.duckdb")).doesNotExist();

        LaunchResult validate = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(validate.exitCode()).isEqualTo(2);
        String out = validate.getOutput() + validate.getErrorOutput();
        assertThat(out).containsOnlyOnce("sources/api.yaml:3:6: Source \"api\": tls.ca_file "
                + project.resolve("certs/missing.pem") + " cannot be read: no such file.");
    }

    @Test
    void aResponseAboveMaxResponseBytesFailsTheOpAndLeavesNoTable(QuarkusMainLauncher launcher) throws Exception {
        source("""
                type: http
                base_url: "{{ var('api_url') }}/v1"
                max_response_bytes: 40
                """);
        LaunchResult r = launcher.launch("run", "main", "-p", project.toString(), "--home-dir", home.toString(), "--env",
                "test", "-q", "--disable-flow-stacktrace");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getErrorOutput()).isEqualTo("flows/main.yaml:2:5: Error in \"http_request: get_items\": Source"
                + " \"api\": the response to GET " + api.baseUrl() + "/v1/items?limit=2 is larger than max_response_bytes"
                + " (40 bytes); raise max_response_bytes in the source file if the API really answers with that much.");
        assertThat(api.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()))).hasSize(1);
        assertThat(project.resolve("stage.duckdb")).satisfiesAnyOf(
                f -> assertThat(f).doesNotExist(),
                f -> assertThat(tables()).doesNotContain("items"));

        source("""
                type: http
                base_url: "{{ var('api_url') }}/v1"
                max_response_bytes: 1000
                """);
        LaunchResult fits = run(launcher);
        assertThat(fits.exitCode()).as(fits.getErrorOutput()).isZero();
        assertThat(rows()).containsExactly("1|Ann", "2|Bob");
    }

    @Test
    void validateReportsBadSettingsAtTheSourceFile(QuarkusMainLauncher launcher) throws Exception {
        source("""
                type: http
                base_url: "{{ var('api_url') }}/v1"
                rate_limit: {requests_per_second: 10, max_concurrency: many}
                """);
        LaunchResult bad = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.getOutput() + bad.getErrorOutput()).contains("sources/api.yaml:3:13: Source \"api\":"
                + " rate_limit.max_concurrency must be a whole number of at least 1, not 'many'.");

        source("""
                type: http
                max_response_bytes: 0
                """);
        LaunchResult zero = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.getOutput() + zero.getErrorOutput()).contains("sources/api.yaml:2:21: Source \"api\":"
                + " max_response_bytes must be a whole number of bytes from 1 to 2147483638, not '0'.");

        source("""
                type: http
                tls: {ca_file: certs/missing.pem}
                """);
        LaunchResult missing = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getOutput() + missing.getErrorOutput()).contains("sources/api.yaml:2:6: Source \"api\":"
                + " tls.ca_file " + project.resolve("certs/missing.pem") + " cannot be read: no such file.");

        // a setting within retry is pointed at itself; variables must be a mapping
        source("""
                type: http
                retry:
                  max_attempts: 3
                  initial_backoff_seconds: -1
                """);
        LaunchResult backoff = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(backoff.exitCode()).isEqualTo(2);
        assertThat(backoff.getOutput() + backoff.getErrorOutput()).contains("sources/api.yaml:4:28: Source \"api\":"
                + " retry.initial_backoff_seconds ");
        source("""
                type: http
                variables: [1, 2]
                """);
        LaunchResult variables = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(variables.exitCode()).isEqualTo(2);
        assertThat(variables.getOutput() + variables.getErrorOutput()).contains("sources/api.yaml:2:12: Source \"api\":"
                + " variables must be a mapping of variable names to values, not '[1, 2]'.");

        // every bad setting is reported, not only the first
        source("""
                type: http
                timeout_seconds: soon
                rate_limit: {max_concurrency: 0}
                max_response_bytes: lots
                """);
        LaunchResult three = launcher.launch("validate", "-p", project.toString(), "--skip-python");
        assertThat(three.exitCode()).isEqualTo(2);
        assertThat(three.getOutput() + three.getErrorOutput()).contains("sources/api.yaml:2:18: Source \"api\":"
                + " timeout_seconds ").contains("sources/api.yaml:3:13: Source \"api\": rate_limit.max_concurrency ")
                .contains("sources/api.yaml:4:21: Source \"api\": max_response_bytes ");

        source("""
                type: http
                base_url: "{{ var('api_url') }}/v1"
                headers: {Accept: application/json}
                rate_limit: {requests_per_second: 10}
                proxy: http://proxy.corp:3128
                """);
        LaunchResult good = launcher.launch("validate", "-p", project.toString(), "--skip-python", "--strict");
        assertThat(good.exitCode()).as(good.getOutput() + good.getErrorOutput()).isZero();
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DuckDbFiles.connect(project.resolve("stage.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

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
}
