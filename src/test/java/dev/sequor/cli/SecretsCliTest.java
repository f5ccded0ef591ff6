package dev.sequor.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import dev.sequor.testing.DuckDbFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No credential reaches anything a run writes. Flows touch every auth kind (basic, bearer, api_key in a header
 * and in the query, oauth2 password and client_credentials, digest) and the error paths that used to leak
 * (a snippet that prints and raises with a token before its source is used, a Jinja error naming a secret
 * value, a 401 whose body echoes the token, SQL with a key in it, the preview trace); then stdout, stderr,
 * the log file, the recordings and the trace are searched for every known secret value: zero hits.
 */
@QuarkusMainTest
class SecretsCliTest {

    private static final String BASIC_USER = "ba-user";
    /** "ba-user:" is 8 bytes, not a multiple of 3: the password's own base64 is not inside the header's. */
    private static final String BASIC_PASS = "basic-PW-1x";
    private static final String BASIC_HEADER = "Basic " + Base64.getEncoder()
            .encodeToString((BASIC_USER + ":" + BASIC_PASS).getBytes(StandardCharsets.UTF_8));
    private static final String BEARER = "bearer-VAL-2222";
    private static final String HEADER_KEY = "hdr-KEY-3333";
    private static final String QUERY_KEY = "qry-KEY-4444";
    private static final String OA_CLIENT_SECRET = "oa-CS-5555";
    private static final String OA_PASSWORD = "oa-PW-6666";
    private static final String OA_ACCESS = "oa-ACCESS-7777";
    private static final String OA_REFRESH = "oa-REFRESH-8888";
    private static final String CC_CLIENT_SECRET = "cc-CS-9999";
    private static final String CC_ACCESS = "cc-ACCESS-0000";
    private static final String DIGEST_PASS = "dg-PW-1212";
    private static final String WAREHOUSE_PASS = "wh-PW-5656";
    private static final String LISTED = "listed-SEC-3434";

    private static final List<String> SECRETS = List.of(BASIC_PASS, BASIC_HEADER.substring(6), BEARER, HEADER_KEY,
            QUERY_KEY, OA_CLIENT_SECRET, OA_PASSWORD, OA_ACCESS, OA_REFRESH, CC_CLIENT_SECRET, CC_ACCESS, DIGEST_PASS,
            WAREHOUSE_PASS, LISTED);

    private static WireMockServer api;

    @TempDir
    Path tmp;
    Path project;
    Path home;
    Path recordings;

    @BeforeAll
    static void startApi() {
        api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        api.start();
    }

    @AfterAll
    static void stopApi() {
        api.stop();
    }

    @BeforeEach
    void projectAndApi() throws IOException {
        stubApi();
        project = Files.createDirectories(tmp.resolve("project"));
        home = tmp.resolve("home");
        recordings = tmp.resolve("recordings");
        Files.writeString(project.resolve("project.yaml"), "name: secrets\n");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("stage", "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
        // never used by an op: its password is known from the start all the same
        sources.put("warehouse", "type: postgres\nconn_str: \"postgresql://etl:{{ var('wh_pass') }}@127.0.0.1:1/none\"\n"
                + "username: etl\npassword: \"{{ var('wh_pass') }}\"\n");
        sources.put("basic", auth("type: basic_auth\n  username: \"{{ var('basic_user') }}\"\n  password: \"{{ var('basic_pass') }}\""));
        sources.put("crm", auth("type: bearer_token\n  token: \"{{ var('crm_bearer') }}\""));
        sources.put("hdr", auth("type: api_key\n  key_name: X-Api-Key\n  key_value: \"{{ var('hdr_api_key') }}\"\n  add_to: header"));
        sources.put("qry", auth("type: api_key\n  key_name: api_key\n  key_value: \"{{ var('qry_api_key') }}\"\n  add_to: query"));
        sources.put("oa", auth("type: oauth2\n  grant_type: password\n  token_endpoint: \"{{ var('base_url') }}/oauth/token\"\n"
                + "  client_id: app\n  client_secret: \"{{ var('oa_client_secret') }}\"\n  username: oa-user\n"
                + "  password: \"{{ var('oa_pw') }}\""));
        sources.put("cc", auth("type: oauth2\n  grant_type: client_credentials\n  token_endpoint: \"{{ var('base_url') }}/oauth/cc\"\n"
                + "  client_id: svc\n  client_secret: \"{{ var('cc_client_secret') }}\""));
        sources.put("dg", auth("type: digest_auth\n  username: dg-user\n  password: \"{{ var('dg_pw') }}\""));
        Files.createDirectories(project.resolve("sources"));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Files.writeString(project.resolve("sources/" + s.getKey() + ".yaml"), s.getValue());
        }
        Files.createDirectories(home.resolve("envs"));
        // basic_pass, crm_bearer, wh_pass, oa_pw, dg_pw: names that do not say "secret"; the sources do.
        // crm_login is secret only because the secrets: list names it.
        Files.writeString(home.resolve("envs/test.yaml"), """
                variables:
                  base_url: "%s"
                  basic_user: %s
                  basic_pass: %s
                  crm_bearer: %s
                  hdr_api_key: %s
                  qry_api_key: %s
                  oa_client_secret: %s
                  oa_pw: %s
                  cc_client_secret: %s
                  dg_pw: %s
                  wh_pass: %s
                  crm_login: %s
                secrets: [crm_login]
                """.formatted(api.baseUrl(), BASIC_USER, BASIC_PASS, BEARER, HEADER_KEY, QUERY_KEY, OA_CLIENT_SECRET,
                OA_PASSWORD, CC_CLIENT_SECRET, DIGEST_PASS, WAREHOUSE_PASS, LISTED));
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/main.yaml"), MAIN_FLOW);
        Files.writeString(project.resolve("flows/fail_snippet.yaml"), "steps:\n" + indent(LEAKING_SNIPPET, 2));
        Files.writeString(project.resolve("flows/fail_jinja.yaml"), "steps:\n" + indent(JINJA_ERROR, 2));
        Files.writeString(project.resolve("flows/fail_denied.yaml"), "steps:\n" + indent(DENIED, 2));
        Files.writeString(project.resolve("flows/fail_graalpy.yaml"), "steps:\n" + indent(GRAALPY_SNIPPET, 2));
        Files.writeString(project.resolve("flows/fail_denied_long.yaml"), "steps:\n"
                + indent(DENIED.replace("/denied", "/denied_long"), 2));
        Files.writeString(project.resolve("flows/to_tables.yaml"), TO_TABLES_FLOW);
    }

    private static String auth(String body) {
        return "type: http\nauth:\n  " + body + "\n";
    }

    private void stubApi() {
        api.resetAll();
        // every success echoes credentials back, as some APIs do in their error or debug bodies
        String echo = "{\"echo\":\"" + BEARER + " " + HEADER_KEY + " " + QUERY_KEY + " " + BASIC_HEADER + "\"}";
        api.stubFor(get(urlPathEqualTo("/basic")).withHeader("Authorization", equalTo(BASIC_HEADER)).willReturn(okJson(echo)));
        api.stubFor(get(urlPathEqualTo("/bearer")).withHeader("Authorization", equalTo("Bearer " + BEARER)).willReturn(okJson(echo)));
        api.stubFor(get(urlPathEqualTo("/hdr")).withHeader("X-Api-Key", equalTo(HEADER_KEY)).willReturn(okJson(echo)));
        api.stubFor(get(urlPathEqualTo("/qry")).withQueryParam("api_key", equalTo(QUERY_KEY)).willReturn(okJson(echo)));
        api.stubFor(post(urlPathEqualTo("/oauth/token")).withRequestBody(containing("password=" + OA_PASSWORD))
                .willReturn(okJson("{\"access_token\":\"" + OA_ACCESS + "\",\"refresh_token\":\"" + OA_REFRESH
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        api.stubFor(post(urlPathEqualTo("/oauth/cc")).withRequestBody(containing("client_secret=" + CC_CLIENT_SECRET))
                .willReturn(okJson("{\"access_token\":\"" + CC_ACCESS + "\",\"token_type\":\"Bearer\"}")));
        api.stubFor(get(urlPathEqualTo("/oa")).withHeader("Authorization", equalTo("Bearer " + OA_ACCESS)).willReturn(okJson(echo)));
        api.stubFor(get(urlPathEqualTo("/cc")).withHeader("Authorization", equalTo("Bearer " + CC_ACCESS)).willReturn(okJson(echo)));
        api.stubFor(get(urlPathEqualTo("/digest")).withHeader("Authorization", absent()).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", qop=\"auth\", opaque=\"o\"")));
        api.stubFor(get(urlPathEqualTo("/digest")).withHeader("Authorization", matching("Digest .*")).willReturn(okJson(echo)));
        // an error page long enough that the excerpt in the error is cut inside the echoed token
        api.stubFor(get(urlPathEqualTo("/denied_long")).willReturn(aResponse().withStatus(401)
                .withBody("x".repeat(985) + "Bearer " + BEARER + " rejected")));
        api.stubFor(get(urlPathEqualTo("/denied")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"token " + BEARER + " rejected\",\"access_token\":\"" + OA_ACCESS + "\"}")));
    }

    private static final String LEAKING_SNIPPET = """
            - op: set_variable
              id: leak
              set:
                leak_expression: |
                  print('early', var('crm_bearer'), var('wh_pass'), var('crm_login'), var('basic_pass'))
                  raise Exception('failed with ' + var('crm_bearer') + ' and ' + var('dg_pw'))
            """;
    /** A class statement is outside the Java subset: GraalPy runs this one, and prints to the process stdout. */
    private static final String GRAALPY_SNIPPET = """
            - op: set_variable
              id: leak_from_graalpy
              set:
                leak_expression: |
                  class Holder:
                      pass
                  print('graalpy', var('crm_bearer'))
                  raise Exception('graalpy failed with ' + var('crm_bearer'))
            """;
    private static final String JINJA_ERROR = """
            - op: print
              id: jinja
              message: "{{ var(var('crm_login')) }}"
            """;
    private static final String DENIED = """
            - op: http_request
              id: denied
              request:
                source: crm
                url: "{{ var('base_url') }}/denied"
              response:
                success_status: [200]
            """;

    private static String call(String id, String source, String path) {
        return """
                - op: http_request
                  id: %s
                  request:
                    source: %s
                    url: "{{ var('base_url') }}%s"
                  response:
                    success_status: [200]
                """.formatted(id, source, path);
    }

    private static String caught(String id, String steps) {
        return "- op: try\n  id: " + id + "\n  steps:\n" + indent(steps, 4)
                + "  catch:\n    - op: print\n      message: \"caught {{ var('error')['message'] }}\"\n";
    }

    private static String indent(String text, int n) {
        return text.lines().map(l -> " ".repeat(n) + l).reduce("", (a, b) -> a + b + "\n");
    }

    private static final String MAIN_FLOW = "steps:\n" + indent(caught("early_snippet", LEAKING_SNIPPET)
            + caught("jinja_error", JINJA_ERROR)
            + """
            - op: execute
              id: sql_with_a_key
              source: stage
              statement: |
                create or replace table audit as select '{{ var('hdr_api_key') }}' as k;
                go
            """
            + call("basic", "basic", "/basic") + call("bearer", "crm", "/bearer") + call("header_key", "hdr", "/hdr")
            + call("query_key", "qry", "/qry") + call("oauth_password", "oa", "/oa") + call("oauth_client", "cc", "/cc")
            + call("digest", "dg", "/digest")
            + caught("unauthorized", DENIED), 2);

    /** Inserts {@code var(name)} (a masked error text) as one row of the errors table, quotes doubled. */
    private static String storeError(String step, String value) {
        return """
                - op: execute
                  source: stage
                  statement: |
                    insert into errors values ('%s', '{{ %s | replace("'", "''") }}')
                    go
                """.formatted(step, value);
    }

    private static String caughtInto(String id, String steps) {
        return "- op: try\n  id: " + id + "\n  steps:\n" + indent(steps, 4) + "  catch:\n"
                + indent(storeError(id, "var('error')['message']"), 4);
    }

    /**
     * Error texts that reach tables: a catch storing var('error') (an API's 401 body echoing the token, a Jinja
     * error naming a secret value, a snippet's exception), and a snippet catching a host function's error that
     * quotes a key (GraalPy runs the try). Beside them, data: an API's JSON echoing credentials and a row a
     * parser builds from var('hdr_api_key') land as they are.
     */
    private static final String TO_TABLES_FLOW = "steps:\n" + indent("""
            - op: execute
              source: stage
              statement: |
                create table errors (step text, message text);
                go
            """ + caughtInto("denied", DENIED) + caughtInto("jinja", JINJA_ERROR) + caughtInto("snippet", """
            - op: set_variable
              set:
                leak_expression: |
                  raise Exception('failed with ' + var('crm_bearer') + ' and ' + var('dg_pw'))
            """) + """
            - op: set_variable
              set:
                caught_expression: |
                  try:
                      query('stage', "select cast('" + var('hdr_api_key') + "' as integer) as k")
                      return 'no error'
                  except Exception as e:
                      return str(e)
            """ + storeError("host_error_in_snippet", "var('caught')") + """
            - op: http_request
              id: echo_data
              request:
                source: crm
                url: "{{ var('base_url') }}/bearer"
              response:
                source: stage
                parser_expression: |
                  return {"tables": [
                      {"source": "stage", "table": "echoes", "columns": {"echo": "text"}, "data": [response.json()]},
                      {"source": "stage", "table": "built", "columns": {"k": "text"}, "data": [{"k": var('hdr_api_key')}]}]}
            """, 2);

    private LaunchResult run(QuarkusMainLauncher launcher, String flow, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", flow, "-p", project.toString(), "--home-dir",
                home.toString(), "--env", "test"));
        args.addAll(List.of(extra));
        return launcher.launch(args.toArray(String[]::new));
    }

    @Test
    void noSecretReachesStdoutStderrTheLogRecordingsOrTraces(QuarkusMainLauncher launcher) throws IOException {
        Map<String, String> written = new LinkedHashMap<>();

        LaunchResult recorded = run(launcher, "main", "--record", recordings.toString());
        assertThat(recorded.exitCode()).as(recorded.getErrorOutput()).isZero();
        written.put("stdout of main", recorded.getOutput());
        written.put("stderr of main", recorded.getErrorOutput());
        // the error paths really ran, and what they printed is there, masked
        assertThat(recorded.getOutput()).contains("early <redacted> <redacted> <redacted> <redacted>")
                .contains("Exception: failed with <redacted> and <redacted>")
                .contains("Variable '<redacted>' is not defined")
                .contains("caught HTTP request failed with unexpected status code: 401");
        assertThat(api.getAllServeEvents()).noneMatch(e -> e.getResponse().getStatus() == 404);

        LaunchResult traced = run(launcher, "main", "--debug-httprequest-preview-trace",
                "--debug-httprequest-preview-pretty");
        assertThat(traced.exitCode()).as(traced.getErrorOutput()).isZero();
        assertThat(traced.getErrorOutput()).contains("TRACE START").contains("< Authorization: <redacted>")
                .contains("\"access_token\":\"<redacted>\"").contains("\"refresh_token\":\"<redacted>\"");
        written.put("stdout of the trace run", traced.getOutput());
        written.put("trace", traced.getErrorOutput());

        for (String failing : List.of("fail_snippet", "fail_jinja", "fail_denied", "fail_graalpy")) {
            LaunchResult r = run(launcher, failing, "--stacktrace");
            assertThat(r.exitCode()).as(failing + ": " + r.getErrorOutput()).isEqualTo(1);
            assertThat(r.getErrorOutput()).contains("<redacted>");
            written.put("stdout of " + failing, r.getOutput());
            written.put("stderr of " + failing, r.getErrorOutput());
        }

        assertThat(written.get("stdout of fail_graalpy")).contains("graalpy <redacted>");

        // the body is masked before it is cut: no start of the token before the "..."
        LaunchResult cut = run(launcher, "fail_denied_long");
        assertThat(cut.exitCode()).as(cut.getErrorOutput()).isEqualTo(1);
        assertThat(cut.getErrorOutput()).contains("xxxBearer <redacte...").doesNotContain(BEARER.substring(0, 4));
        written.put("stderr of fail_denied_long", cut.getErrorOutput());

        Path log = home.resolve("logs/sequor.log");
        written.put("log file", Files.readString(log));
        assertThat(written.get("log file")).contains("Executing").contains("'<redacted>'");
        try (Stream<Path> files = Files.list(recordings)) {
            for (Path f : files.sorted().toList()) {
                written.put("recording " + f.getFileName(), Files.readString(f));
            }
        }
        assertThat(written.keySet()).anyMatch(k -> k.startsWith("recording") && k.contains("POST"));

        for (Map.Entry<String, String> w : written.entrySet()) {
            for (String secret : SECRETS) {
                assertThat(w.getValue()).as("%s must not contain %s:%n%s", w.getKey(), secret, w.getValue())
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    void errorTextsStoredInTablesAreMaskedAndDataLandsAsReturned(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult r = run(launcher, "to_tables");
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = DuckDbFiles.connect(project.resolve("stage.duckdb")); Statement s = c.createStatement()) {
            for (String table : List.of("errors", "echoes", "built")) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select * from " + table + " order by all")) {
                    while (rs.next()) {
                        List<String> cells = new ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            cells.add(rs.getString(i));
                        }
                        rows.add(String.join(" | ", cells));
                    }
                }
                tables.put(table, rows);
            }
        }
        assertThat(tables.get("errors")).hasSize(4).allMatch(row -> row.contains("<redacted>"));
        assertThat(tables.get("errors")).anyMatch(row -> row.startsWith("denied | HTTP request failed with"
                + " unexpected status code: 401"));
        assertThat(tables.get("errors")).anyMatch(row -> row.startsWith("host_error_in_snippet | ")
                && row.contains("Could not convert string"));
        for (String secret : SECRETS) {
            assertThat(tables.get("errors")).as("error texts must not contain %s", secret)
                    .noneMatch(row -> row.contains(secret));
        }
        // data is written as the API returned it and as the flow built it: masking it would corrupt it
        assertThat(tables.get("echoes")).singleElement().asString().contains(BEARER).contains(HEADER_KEY);
        assertThat(tables.get("built")).containsExactly(HEADER_KEY);
    }
}
