package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A for_each ingest whose rows bring more records than a DuckDB batch ({@code InPlaceLoads.BATCH_ROWS}, 245,760):
 * on DuckDB the completed rows' records move into built tables as they come, and the outcome is the one a staged
 * op gives (PostgreSQL's, the same test): every record at the commit, or, when a row fails, the append table with
 * the records of the rows before it and the create table as it was, with no built table left behind.
 */
class ForEachTablesBuiltInBatchesTest {

    /** Records per for_each row: two rows fill a batch, three fill it and start the next. */
    static final int PER_ROW = 130_000;

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_foreach_batches");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    private static final String SEED = """
            steps:
              - op: execute
                source: stage
                statement: |
                  create table shops (id integer)
                  go
                  insert into shops values (1), (2), (3)
                  go
                  create table items (shop bigint, id bigint, name text)
                  go
                  insert into items values (0, 0, 'earlier run')
                  go
                  create table latest (shop bigint, id bigint, name text)
                  go
                  insert into latest values (0, 0, 'old')
                  go
            """;

    private static final String INGEST = """
            steps:
              - op: http_request
                id: ingest
                for_each: {source: stage, table: shops, as: shop}
                request:
                  source: api
                  url: "{{ var('base_url') }}/shops/{{ var('shop')['id'] }}/items"
                response:
                  success_status: [200]
                  source: stage
                  tables:
                    - table: items
                      write_mode: append
                      data_path: items
                    - table: latest
                      data_path: items
            """;

    /** Shop {@code failing} gets a 500; the others their {@link #PER_ROW} items. */
    private void apiFailsAt(int failing) {
        for (int shop = 1; shop <= 3; shop++) {
            api.stubFor(get(urlPathEqualTo("/shops/" + shop + "/items")).willReturn(shop == failing
                    ? aResponse().withStatus(500).withBody("down") : okJson(items(shop))));
        }
    }

    private static String items(int shop) {
        return items(shop, false);
    }

    /** Shop {@code shop}'s items; with {@code badId}, shop 1's 7th item has the id "seven". */
    private static String items(int shop, boolean badId) {
        StringBuilder json = new StringBuilder(PER_ROW * 40).append("{\"items\": [");
        for (int i = 1; i <= PER_ROW; i++) {
            json.append(i > 1 ? ", " : "").append("{\"shop\": ").append(shop).append(", \"id\": ")
                    .append(badId && shop == 1 && i == 7 ? "\"seven\"" : String.valueOf(i))
                    .append(", \"name\": \"item ").append(i).append("\"}");
        }
        return json.append("]}").toString();
    }

    private FlowProject project(Db db) throws Exception {
        FlowProject p = FlowProject.create(tmp, db, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("seed", SEED).flow("ingest", INGEST);
        assertThat(p.run("seed").exit()).isZero();
        return p;
    }

    private static List<List<String>> perShop(FlowProject p, String table) throws Exception {
        return p.rows("select shop, count(*), max(id) from " + table + " group by shop order by shop");
    }

    /** The tables built under a staging name that are left in {@code p}'s database (none once an op has ended). */
    static List<List<String>> builtTables(FlowProject p, Db db) throws Exception {
        return p.rows(db == Db.DUCKDB
                ? "select table_name from duckdb_tables() where starts_with(table_name, '_sequor_stage_')"
                : "select table_name from information_schema.tables where table_name like '\\_sequor\\_stage\\_%'");
    }

    /**
     * A value a declared column refuses, in the first row's records: PostgreSQL refuses it as that row completes
     * (typed staging); DuckDB stages text and refuses it when the second row's records fill a batch that moves into
     * the built table. Either way the op stops there, keeps nothing, and names the value's table, row and column;
     * the third row is never asked for.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void aValueADeclaredColumnRefusesStopsTheOpAndKeepsNothing(Db db) throws Exception {
        FlowProject p = project(db);
        for (int shop = 1; shop <= 3; shop++) {
            api.stubFor(get(urlPathEqualTo("/shops/" + shop + "/items")).willReturn(okJson(items(shop, true))));
        }
        p.flow("typed", """
                steps:
                  - op: http_request
                    id: typed
                    for_each: {source: stage, table: shops, as: shop}
                    request:
                      source: api
                      url: "{{ var('base_url') }}/shops/{{ var('shop')['id'] }}/items"
                    response:
                      source: stage
                      tables:
                        - table: items
                          write_mode: append
                          data_path: items
                          columns: {shop: bigint, id: integer, name: text}
                """);

        FlowProject.Result r = p.run("typed");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        String stop = db == Db.DUCKDB ? "stopped at for_each row 2 of 3 (id=2) after 1 row succeeded, but their"
                + " results could not be kept: a batch of them moving into table 'items' held a value its column"
                + " refuses; project variables are unchanged."
                : "stopped at for_each row 1 of 3 (id=1) before any row succeeded.";
        assertThat(r.errLine("Error in")).contains("Value 'seven' in row 7 for table 'items' does not fit column 'id'"
                + " of type integer (").contains("); stopped at").endsWith(stop);
        assertThat(perShop(p, "items")).containsExactly(List.of("0", "1", "0"));
        api.verify(0, getRequestedFor(urlPathEqualTo("/shops/3/items")));
        assertThat(builtTables(p, db)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyRowsRecordsLandAtTheCommit(Db db) throws Exception {
        FlowProject p = project(db);
        apiFailsAt(0);

        FlowProject.Result r = p.run("ingest");

        assertThat(r.exit()).as(r.err()).isZero();
        String max = String.valueOf(PER_ROW);
        assertThat(perShop(p, "items")).containsExactly(List.of("0", "1", "0"), List.of("1", max, max),
                List.of("2", max, max), List.of("3", max, max));
        assertThat(perShop(p, "latest")).containsExactly(List.of("1", max, max), List.of("2", max, max),
                List.of("3", max, max));
        assertThat(p.rows("select name from items where shop = 3 and id = " + PER_ROW))
                .containsExactly(List.of("item " + PER_ROW));
        assertThat(builtTables(p, db)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFailingRowKeepsTheAppendsOfTheRowsBeforeItAndLeavesTheCreateTableAsItWas(Db db) throws Exception {
        FlowProject p = project(db);
        apiFailsAt(3);

        FlowProject.Result r = p.run("ingest");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine("Error in")).endsWith("stopped at for_each row 3 of 3 (id=3) after 2 rows succeeded,"
                + " whose results landed in append table items (" + (2 * PER_ROW) + " rows); tables with write_mode"
                + " create and project variables are unchanged.");
        String max = String.valueOf(PER_ROW);
        assertThat(perShop(p, "items")).containsExactly(List.of("0", "1", "0"), List.of("1", max, max),
                List.of("2", max, max));
        assertThat(perShop(p, "latest")).containsExactly(List.of("0", "1", "0"));
        assertThat(builtTables(p, db)).isEmpty();
    }
}
