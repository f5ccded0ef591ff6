package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowProject.Db;
import dev.sequor.testing.FlowTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A paginated ingest with {@code child_tables} under {@code merge}, run twice, whose parents and children each pass a
 * DuckDB batch ({@code InPlaceLoads.BATCH_ROWS}, 245,760 rows): on DuckDB the family moves into built tables as it
 * comes, and the tables end as a staged op leaves them (PostgreSQL's, the same test): one row per key, the last one
 * loaded, with the children of that row only. The orders are flattened too, so their parent rows are the records
 * flatten made, edited in place ({@code ChildRows.split}).
 */
class ChildTablesBuiltInBatchesTest {

    /** Orders per page; two pages pass a batch of parents, and their two lines each two batches of children. */
    static final int PER_PAGE = 130_000;

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_child_batches");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    private static final String INGEST = """
            steps:
              - op: http_request
                id: ingest
                request:
                  source: api
                  url: "{{ var('base_url') }}/orders"
                response:
                  source: stage
                  tables:
                    - table: orders
                      data_path: orders
                      write_mode: merge
                      primary_key: [id]
                      flatten: true
                      child_tables: true
                  pagination:
                    type: page_number
                    total_pages_path: total_pages
            """;

    /** Page {@code page} of 2: orders {@code from..from+PER_PAGE-1} as {@code order} writes them, then {@code more}. */
    private static void page(int page, long from, LongFunction<String> order, String more) {
        StringBuilder json = new StringBuilder(PER_PAGE * 90).append("{\"total_pages\": 2, \"orders\": [");
        for (long id = from; id < from + PER_PAGE; id++) {
            json.append(id > from ? ", " : "").append(order.apply(id));
        }
        json.append(more).append("]}");
        api.stubFor(get(urlPathEqualTo("/orders")).withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(okJson(json.toString())));
    }

    /** An order with {@code lines} lines of {@code version}, shipped to a city of that version. */
    private static String order(long id, String version, int lines) {
        StringBuilder json = new StringBuilder().append("{\"id\": ").append(id).append(", \"status\": \"")
                .append(version).append("\", \"ship\": {\"city\": \"").append(version).append('-').append(id)
                .append("\"}, \"lines\": [");
        for (int i = 0; i < lines; i++) {
            json.append(i > 0 ? ", " : "").append("{\"sku\": \"").append(version).append('-').append(id).append('-')
                    .append(i).append("\", \"qty\": ").append(i + 1).append('}');
        }
        return json.append("]}").toString();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMergeTwiceKeepsTheLastRowOfEachKeyWithItsChildrenOnly(Db db) throws Exception {
        FlowProject p = FlowProject.create(tmp, db, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("ingest", INGEST);
        page(1, 1, id -> order(id, "v1", 2), "");
        page(2, 1 + PER_PAGE, id -> order(id, "v1", 2), "");
        FlowProject.Result first = p.run("ingest");
        assertThat(first.exit()).as(first.err()).isZero();
        // the second run: every tenth order of page 1 lost its lines; order 5 comes again at the end with three
        api.resetAll();
        page(1, 1, id -> order(id, "v2", id % 10 == 0 ? 0 : 2), "");
        page(2, 1 + PER_PAGE, id -> order(id, "v2", 2), ", " + order(5, "late", 3));

        FlowProject.Result second = p.run("ingest");

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(p.rows("select count(*), count(distinct id), max(id) from orders"))
                .containsExactly(List.of(String.valueOf(2 * PER_PAGE), String.valueOf(2 * PER_PAGE),
                        String.valueOf(2 * PER_PAGE)));
        assertThat(p.rows("select status, count(*) from orders group by status order by status"))
                .containsExactly(List.of("late", "1"), List.of("v2", String.valueOf(2 * PER_PAGE - 1)));
        assertThat(p.rows("select column_name from information_schema.columns where table_name = 'orders'"
                + " order by ordinal_position")).containsExactly(List.of("id"), List.of("status"), List.of("ship__city"));
        assertThat(p.rows("select id, ship__city from orders where id in (5, 11) order by id"))
                .containsExactly(List.of("5", "late-5"), List.of("11", "v2-11"));
        long lines = PER_PAGE / 10 * 9 * 2 - 2 + 3 + 2L * PER_PAGE;
        assertThat(p.rows("select count(*), sum(qty) from orders__lines"))
                .containsExactly(List.of(String.valueOf(lines), String.valueOf(lines / 2 * 3 + 3)));
        assertThat(p.rows("select _parent_id, _index, sku from orders__lines where _parent_id in (5, 10, 11)"
                + " order by _parent_id, _index")).containsExactly(List.of("5", "0", "late-5-0"),
                List.of("5", "1", "late-5-1"), List.of("5", "2", "late-5-2"), List.of("11", "0", "v2-11-0"),
                List.of("11", "1", "v2-11-1"));
        assertThat(p.rows("select count(*) from orders__lines l join orders o on l._parent_id = o.id"
                + " where l.sku like o.status || '-' || o.id || '-%'")).containsExactly(List.of(String.valueOf(lines)));
        assertThat(ForEachTablesBuiltInBatchesTest.builtTables(p, db)).isEmpty();
        // the child table the first merge made is indexed on its link on PostgreSQL, where every later merge deletes
        // by it (Dialect.indexesChildLinks); DuckDB keeps no index, which each load would pay for
        if (db == Db.POSTGRES) {
            assertThat(p.rows("select indexdef from pg_indexes where tablename = 'orders__lines'"))
                    .singleElement().satisfies(r -> assertThat(r.get(0)).endsWith("USING btree (_parent_id)"));
        } else {
            assertThat(p.rows("select count(*) from duckdb_indexes() where table_name = 'orders__lines'"))
                    .containsExactly(List.of("0"));
        }
    }
}
