package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.ARRAY;
import static dev.sequor.flow.spec.JsonType.BOOLEAN;
import static dev.sequor.flow.spec.JsonType.INTEGER;
import static dev.sequor.flow.spec.JsonType.NUMBER;
import static dev.sequor.flow.spec.JsonType.OBJECT;
import static dev.sequor.flow.spec.JsonType.STRING;
import static dev.sequor.flow.spec.KeySpec.dyn;
import static dev.sequor.flow.spec.KeySpec.literal;

import dev.sequor.db.MergeStrategy;
import dev.sequor.db.SchemaEvolution;
import dev.sequor.db.WriteMode;
import dev.sequor.flow.LiteralRule;
import dev.sequor.flow.op.HttpRequestOp;
import java.util.List;

/**
 * The keys of {@code http_request} and of its sections, in the order {@code flow.parse.HttpRequestParser} reads
 * them (the order did-you-mean hints are looked for in).
 */
public final class HttpRequestSpec {

    private HttpRequestSpec() {
    }

    public static final SectionSpec INIT = SectionSpec.closed("http_request init",
            "Variables set once per op run, before the first request.",
            literal("variables", "Variables to set: name: value (project scope) or name: {value, scope: local|project}.",
                    OBJECT));

    public static final SectionSpec FOR_EACH = SectionSpec.closed("http_request for_each",
            "One request cycle per row of a table or query on a database source.",
            dyn("source", "The database source whose rows are iterated over.", STRING).mandatory(),
            dyn("table", "The table whose rows to iterate over (or query).", STRING),
            dyn("query", "A SQL query giving the rows to iterate over (or table).", STRING),
            dyn("parallel", "Rows in flight at once (at most 1000).", INTEGER).dflt(1),
            literal("on_error", "What a failing row does: fail the op, skip the row, or skip and record it.", STRING)
                    .oneOf(names(HttpRequestOp.OnError.values())).dflt("fail"),
            dyn("error_table", "Where on_error: record writes failed rows (default: ID_errors, ID being the"
                    + " op's id).", STRING),
            dyn("database", "Database of the table (kept for upstream flows; not used in SQL).", STRING),
            dyn("namespace", "Namespace (schema) of the table.", STRING),
            literal("as", "The variable the current row is bound to, as var('NAME').", STRING).mandatory())
            .oneOfRequired("table", "query");

    public static final SectionSpec REQUEST = SectionSpec.closed("http_request request",
            "What to send.",
            literal("source", "An http source (auth, variables, base_url, headers, timeout, retry, rate_limit).",
                    STRING),
            dyn("url", "The URL; relative to the source's base_url when it has no scheme.", STRING).mandatory(),
            dyn("method", "The HTTP method, any case.", STRING).dflt("GET"),
            dyn("parameters", "Query parameters; per-key NAME_expression; None values are dropped, lists repeat the"
                    + " key.", OBJECT),
            dyn("headers", "Request headers.", OBJECT),
            dyn("body", "The request body; \"__NULL__\" stands for null.", new JsonType[0]),
            literal("body_format", "How the body is sent; sets Content-Type unless headers do. Required with a body.",
                    STRING).oneOf(List.of("json", "form_urlencoded", "text")),
            dyn("timeout_seconds", "Time limit of the whole exchange; overrides the source's.", NUMBER));

    public static final SectionSpec TABLE = SectionSpec.closed("http_request response table",
            "A table that response records are written to.",
            dyn("columns", "Column names and types: {id: integer, name: text} or a list of {name, type}; none:"
                    + " inferred from the records.", OBJECT, ARRAY),
            dyn("model", "{columns: ...}, an alternative to columns.", OBJECT),
            dyn("schema_evolution", "What inferred columns do with new fields and wider values.", STRING)
                    .oneOf(names(SchemaEvolution.values())).dflt("evolve"),
            dyn("source", "The database source to write to (default: response.source).", STRING),
            dyn("table", "The table to write to (default: response.table).", STRING),
            dyn("data", "The rows: a list of mappings (usually data_expression or data_path).", ARRAY),
            literal("data_path", "A JMESPath over the JSON body giving the rows, e.g. data.", STRING),
            dyn("write_mode", "How rows are written.", STRING).oneOf(names(WriteMode.values())).dflt("create"),
            dyn("primary_key", "merge only: the column or columns that identify a row.", STRING, ARRAY),
            dyn("merge_strategy", "merge only: how rows are merged.", STRING).oneOf(names(MergeStrategy.values()))
                    .dflt("upsert"),
            dyn("flatten", "Nested objects of a record become columns of their own (parent__child).", BOOLEAN)
                    .dflt(false),
            dyn("max_nesting", "With flatten: how many levels deep objects are flattened.", INTEGER).dflt(1),
            dyn("child_tables", "Arrays in a record become rows of child tables named TABLE__FIELD, linked to"
                    + " their parent row by _parent_KEY columns (or _parent_row) and _index; inferred columns only.",
                    BOOLEAN).dflt(false),
            dyn("database", "Database of the table (kept for upstream flows; not used in SQL).", STRING),
            dyn("namespace", "Namespace (schema) of the table (default: response.namespace, then the source's).",
                    STRING));

    public static final SectionSpec RESPONSE = SectionSpec.closed("http_request response",
            "What to do with each response.",
            dyn("success_status", "Status codes that count as success (without it, 4xx and 5xx fail the op).", ARRAY),
            dyn("source", "Default database source of the tables.", STRING),
            dyn("database", "Default database of the tables.", STRING),
            dyn("namespace", "Default namespace of the tables.", STRING),
            dyn("table", "Default table of the tables.", STRING),
            KeySpec.listOf("tables", "The tables the response's records go to.", TABLE),
            dyn("parser", "Python (usually parser_expression) returning {tables, variables, while}.",
                    new JsonType[0]),
            dyn("variables", "Variables set after each response; NAME_expression, NAME_path (a JMESPath) and"
                    + " {value, scope} entries.", OBJECT),
            dyn("while", "Repeat the request while this is true.", BOOLEAN),
            dyn("max_iterations", "Cap on requests per cycle.", INTEGER).dflt(10000),
            KeySpec.section("pagination", "Ask for the next page and stop by the API's convention, instead of while.",
                    PaginationSpec.PAGINATION));

    public static final SectionSpec OP = SectionSpec.closed("http_request",
            "Calls an HTTP API (per row of a table, page after page) and lands the responses in tables.",
            KeySpec.section("init", "Variables set once per op run (init_expression: a snippet returning them).", INIT)
                    .withExpression(),
            KeySpec.section("for_each", "Run one request cycle per row.", FOR_EACH),
            KeySpec.section("request", "What to send.", REQUEST).mandatory(),
            KeySpec.section("response", "What to do with each response (response_expression: a snippet returning"
                    + " this mapping).", RESPONSE).withExpression());

    /** Enum constants as flows write them ({@code FAIL} as {@code fail}). */
    static List<String> names(Enum<?>[] values) {
        return LiteralRule.lowerCaseNames(values);
    }
}
