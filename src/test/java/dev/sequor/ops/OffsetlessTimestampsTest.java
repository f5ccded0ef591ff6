package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowProject.Db;
import dev.sequor.testing.FlowTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text without a UTC offset landing in a {@code timestamp with time zone} column is read as UTC, whatever the time
 * zone of the machine: on PostgreSQL the JDBC driver gives each session the JVM's (and the connection goes back to the
 * pool in the zone it came with), on DuckDB its TimeZone setting is the machine's.
 */
class OffsetlessTimestampsTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_offsetless_timestamps");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    private final TimeZone machineZone = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(machineZone);
    }

    @Test
    void offsetlessTextIsUtcOnAMachineInNewYork() throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        FlowProject p = FlowProject.create(tmp, Db.POSTGRES, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        api.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson("{\"data\": [{\"id\": 1, \"at\":"
                + " \"2024-05-01T10:00:00\"}, {\"id\": 2, \"at\": \"2024-05-01T10:00:00+02:00\"}]}")));
        p.flow("land", """
                steps:
                  - op: http_request
                    request:
                      url: "{{ var('base_url') }}/events"
                    response:
                      tables:
                        - {source: stage, table: events, data_path: data,
                           columns: {id: integer, at: timestamp with time zone}}
                  - op: print
                    message: '{{ query_value("select current_setting(''TimeZone'')", source="stage") }}'

                """);

        FlowProject.Result r = p.run("land");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.rows("select id, extract(epoch from at)::bigint from events order by id")).containsExactly(
                List.of("1", "1714557600"), List.of("2", "1714550400"));
        // the sessions the flow's own SQL gets are in the machine's zone, as before
        assertThat(r.out()).contains("America/New_York");
    }
    @Test
    void offsetlessTextIsUtcOnDuckDbInNewYork() throws Exception {
        FlowProject p = FlowProject.create(tmp, Db.DUCKDB, null, "base_url: \"" + api.baseUrl() + "\"");
        // DuckDB's zone, as on a machine in New York (a setting the source's configuration lock would refuse)
        java.nio.file.Files.writeString(tmp.resolve("project/sources/stage.yaml"),
                "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\nallow_external_access: true\n");
        api.stubFor(get(urlPathEqualTo("/events")).willReturn(okJson("{\"data\": [{\"id\": 1, \"at\":"
                + " \"2024-05-01T10:00:00\"}, {\"id\": 2, \"at\": \"2024-05-01T10:00:00+02:00\"}, {\"id\": 3, \"at\":"
                + " \"2024-05-01 10:00\"}, {\"id\": 4, \"at\": \"2024-05-01\"}, {\"id\": 5, \"at\":"
                + " \"2024-05-01T10:00:00.250\"}]}")));
        p.flow("land", """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      SET GLOBAL TimeZone = 'America/New_York'
                      go
                  - op: http_request
                    request:
                      url: "{{ var('base_url') }}/events"
                    response:
                      tables:
                        - {source: stage, table: events, data_path: data,
                           columns: {id: integer, at: timestamp with time zone}}
                """);

        FlowProject.Result r = p.run("land");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.rows("select id, epoch(\"at\") from events order by id")).containsExactly(
                List.of("1", "1.7145576E9"), List.of("2", "1.7145504E9"), List.of("3", "1.7145576E9"),
                List.of("4", "1.7145216E9"), List.of("5", "1.71455760025E9"));
    }
}
