package dev.sequor.flow.parse;

import dev.sequor.error.SourcePos;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.Dyns;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.LiteralRule;
import dev.sequor.flow.Literals;
import dev.sequor.flow.OpParser.StepsParser;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.HttpRequestOp.ForEachSource;
import dev.sequor.flow.op.HttpRequestOp.Request;
import dev.sequor.flow.op.HttpRequestOp.Response;
import dev.sequor.flow.op.HttpRequestOp.TableDef;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.Pagination;
import dev.sequor.flow.op.WriteKeys;
import dev.sequor.flow.op.OpMeta;
import dev.sequor.flow.spec.HttpRequestSpec;
import dev.sequor.http.QueryStrings;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YList;
import dev.sequor.yaml.YNode.YMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** Parser of {@code http_request} and of its {@code response} section (also used for response_expression results). */
public final class HttpRequestParser {

    /** Body formats we send; upstream's other names are reported as unsupported. */
    public static final Set<String> BODY_FORMATS = Set.of("json", "form_urlencoded", "text");
    private static final Set<String> UNSUPPORTED_BODY_FORMATS = Set.of("multipart_form_data", "xml", "binary");

    private HttpRequestParser() {
    }

    public static Op parse(KeyReader keys, OpMeta meta, StepsParser steps) {
        Diagnostics diag = keys.diagnostics();
        Dyn init = init(keys);
        ForEachSource forEach = forEach(keys, meta);
        Request request = null;
        YMap req = keys.mapping("request");
        if (req == null && absent(keys.node("request"))) {
            keys.missing("'request' is required in " + keys.where() + ": a mapping with at least 'url'.", "request");
        } else if (req != null) {
            request = request(keys.nested("request", req, keys.where() + " request"));
        }
        Dyn responseExpression = null;
        Response response = null;
        YMap resp = keys.mapping("response");
        if (keys.has("response_expression")) {
            if (resp != null) {
                diag.error(keys.keyPos("response_expression"), "Both response and response_expression are specified"
                        + " in the definition. Only one of them can be specified.");
            }
            responseExpression = keys.python("response_expression", keys.node("response_expression"));
        } else if (resp != null) {
            response = response(resp, keys.where() + " response", diag);
        }
        return new HttpRequestOp(meta, init, forEach, request, response, responseExpression);
    }

    private static Dyn init(KeyReader keys) {
        if (keys.has("init_expression")) {
            if (keys.has("init")) {
                keys.diagnostics().error(keys.keyPos("init_expression"), "Both init and init_expression are specified"
                        + " in the definition. Only one of them can be specified.");
            }
            return keys.python("init_expression", keys.node("init_expression"));
        }
        YMap init = keys.mapping("init");
        if (init == null) {
            return null;
        }
        KeyReader r = keys.nested("init", init, keys.where() + " init");
        LinkedHashMap<String, Dyn> entries = new LinkedHashMap<>();
        YMap vars = r.mapping("variables");
        if (vars != null) {
            entries.put("variables", VarDefs.parse(vars, r));
        }
        r.finish();
        return new Dyn.DMap(entries, init.pos());
    }

    private static ForEachSource forEach(KeyReader keys, OpMeta meta) {
        YMap fe = keys.mapping("for_each");
        if (fe == null) {
            return null;
        }
        KeyReader r = keys.nested("for_each", fe, keys.where() + " for_each");
        Dyn source = r.requiredDyn("source");
        Dyn table = r.dyn("table");
        Dyn query = r.dyn("query");
        if (table == null && query == null && !r.has("table") && !r.has("query")) {
            r.missing("table or query must be specified in " + r.where() + ": the table whose rows to iterate over,"
                    + " or a SQL query giving them.", "table", "query");
        } else if (table != null && query != null) {
            r.diagnostics().error(query.pos(), "Both table and query are specified in " + r.where()
                    + ". Only one of them can be specified.");
        }
        Dyn parallel = r.parallelDyn("parallel");
        HttpRequestOp.OnError onError = onError(r);
        Dyn errorTable = r.dyn("error_table");
        if (errorTable != null && onError != HttpRequestOp.OnError.RECORD) {
            r.diagnostics().invalidValue(errorTable.pos(), "'error_table' in " + r.where() + " needs on_error: record"
                    + " (failed rows go to the error table only then); remove it or set on_error: record.");
        }
        if (onError == HttpRequestOp.OnError.RECORD && errorTable == null && meta.id() == null) {
            r.diagnostics().error(r.keyPos("on_error"), "on_error: record in " + r.where() + " needs an error table:"
                    + " give the op an id (failed rows then go to <id>_errors) or set error_table.");
        }
        ForEachSource s = new ForEachSource(source, r.dyn("database"), r.dyn("namespace"), table, query,
                r.requiredString("as"), parallel, onError, errorTable, fe.pos());
        r.finish();
        return s;
    }

    /** {@code for_each.on_error}, written literally (it decides how the op runs); absent: fail. */
    private static HttpRequestOp.OnError onError(KeyReader r) {
        String text = r.string("on_error");
        if (text == null) {
            return HttpRequestOp.OnError.FAIL;
        }
        String problem = ON_ERROR.problem(text);
        if (problem != null) {
            r.diagnostics().invalidValue(r.node("on_error").pos(), "'on_error' in " + r.where() + " " + problem + ".");
            return HttpRequestOp.OnError.FAIL;
        }
        return HttpRequestOp.OnError.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }

    /** What a failing for_each row does, as flows write it. */
    private static final LiteralRule ON_ERROR = LiteralRule.oneOf(LiteralRule.lowerCaseNames(HttpRequestOp.OnError.values()));

    private static Request request(KeyReader r) {
        Diagnostics diag = r.diagnostics();
        String source = r.string("source");
        SourcePos sourcePos = r.has("source") ? r.node("source").pos() : null;
        Dyn url = r.requiredDyn("url");
        r.check(url, "url", source == null ? HTTP_URL : HTTP_OR_RELATIVE_URL);
        Dyn method = r.checked("method", LiteralRule.HTTP_METHOD);
        if (method == null) {
            method = Dyn.constant("GET", r.pos());
        }
        Dyn parameters = mapWithKeyExpressions(r, "parameters");
        r.check(parameters, "parameters", LiteralRule.mapping("a mapping of query parameter names to values"));
        Dyn headers = r.checked("headers", LiteralRule.mapping("a mapping of header names to values"));
        Dyn body = r.dyn("body");
        String bodyFormat = r.string("body_format");
        if (bodyFormat != null && !BODY_FORMATS.contains(bodyFormat)) {
            diag.error(r.keyPos("body_format"), UNSUPPORTED_BODY_FORMATS.contains(bodyFormat)
                    ? bodyFormat + " body format is not supported yet; use one of: json, form_urlencoded, text."
                    : "Unknown body_format '" + bodyFormat + "'; use one of: json, form_urlencoded, text.");
        }
        if (body != null && bodyFormat == null) {
            r.missing("body_format is required when request body is provided"
                    + " (e.g. \"json\", \"form_urlencoded\", etc)", "body_format");
        }
        Dyn timeout = r.checked("timeout_seconds", LiteralRule.POSITIVE_SECONDS);
        r.finish();
        return new Request(source, url, method, parameters, headers, bodyFormat, body, timeout, r.pos(), sourcePos);
    }

    /** What the op sends to: the URL must be absolute http(s), as the op checks before sending. */
    private static final LiteralRule HTTP_URL = new LiteralRule("an absolute URL starting with http:// or https://",
            v -> v instanceof String s && absoluteHttp(s));

    /** With request.source the URL may also be relative: the source's base_url completes it when the op runs. */
    private static final LiteralRule HTTP_OR_RELATIVE_URL = new LiteralRule("an absolute URL starting with http:// or"
            + " https://, or a URL relative to the base_url of the http source named by request.source",
            v -> v instanceof String s && (absoluteHttp(s) || relative(s)));

    private static boolean absoluteHttp(String url) {
        URI uri = uri(url);
        return uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    }

    private static boolean relative(String url) {
        URI uri = uri(url);
        return uri != null && uri.getScheme() == null && uri.getRawAuthority() == null;
    }

    private static URI uri(String url) {
        try {
            return QueryStrings.withQuery(url.strip(), List.of());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean absent(YNode n) {
        return n == null || n instanceof YNode.YScalar s && s.value() == null;
    }

    /** {@code key} as a mapping with per-key {@code _expression}s, or {@code key_expression} as a whole. */
    private static Dyn mapWithKeyExpressions(KeyReader r, String key) {
        if (r.map().get(key) instanceof YMap m) {
            if (r.has(key + KeyReader.EXPR)) {
                return r.dyn(key); // reports "Both ..."
            }
            r.node(key);
            return Dyns.withKeyExpressions(m, r);
        }
        return r.dyn(key);
    }

    /** Parses a {@code response} mapping; {@code where} names it in messages. */
    public static Response response(YMap resp, String where, Diagnostics diag) {
        KeyReader r = new KeyReader(resp, where, diag, HttpRequestSpec.RESPONSE);
        Dyn successStatus = r.dyn(SuccessStatus.KEY);
        SuccessStatus.check(successStatus, r);
        Dyn source = r.dyn("source");
        Dyn database = r.dyn("database");
        Dyn namespace = r.dyn("namespace");
        Dyn table = r.dyn("table");
        List<TableDef> tables = new ArrayList<>();
        YList list = r.list("tables");
        if (list != null) {
            for (YNode item : list.items()) {
                if (item instanceof YMap t) {
                    tables.add(table(r.nested("tables", t, where + " table" + literalName(t)), source, table));
                } else {
                    diag.error(item.pos(), "Each entry of 'tables' in " + where
                            + " must be a mapping with 'table' (and 'columns', or none to infer them).");
                }
            }
        }
        Dyn parser = r.dyn("parser");
        Dyn variables = r.node("variables") instanceof YMap vars && !r.has("variables_expression")
                ? VarDefs.parseResponse(vars, r) : r.dyn("variables");
        Dyn whileCondition = r.dyn("while");
        Dyn maxIterations = r.countDyn("max_iterations");
        YMap paginationMap = r.mapping("pagination");
        Pagination pagination = paginationMap == null ? null : PaginationParser.parse(r.nested("pagination",
                paginationMap, where + " pagination"));
        if (pagination != null) {
            if (whileCondition != null) {
                diag.error(whileCondition.pos(), "Both pagination and while are specified in " + where + ". Only one of"
                        + " them can be specified: pagination decides when to ask for the next page.");
            }
            if (pagination.style().countsRecords() && tables.isEmpty() && parser == null) {
                diag.error(paginationMap.pos(), "Pagination of " + where + " stops on a page without records, which are"
                        + " the rows of the first entry of response.tables; add the table the records go to.");
            }
        }
        r.finish();
        return new Response(successStatus, source, database, namespace, table, List.copyOf(tables), parser,
                variables, whileCondition, maxIterations, pagination, resp.pos());
    }

    /** {@code " 'users'"} when the table entry names its table literally, so messages can say which entry. */
    private static String literalName(YMap t) {
        return t.get("table") instanceof YNode.YScalar s && s.value() instanceof String name ? " '" + name + "'" : "";
    }

    /** One entry of {@code response.tables}; {@code source} and {@code table} of the response are its defaults. */
    private static TableDef table(KeyReader r, Dyn defaultSource, Dyn defaultTable) {
        Dyn columns = r.dyn("columns");
        Dyn model = r.dyn("model");
        // without columns (or a model) they are inferred from the records, and schema_evolution says how they evolve
        boolean inferred = columns == null && model == null && !r.has("columns") && !r.has("model")
                && !r.has("columns" + KeyReader.EXPR) && !r.has("model" + KeyReader.EXPR);
        Dyn evolution = r.checked(SCHEMA_EVOLUTION, WriteKeysParser.SCHEMA_EVOLUTION_RULE);
        if (!inferred && evolution != null && !(evolution instanceof Dyn.Const c && c.value() == null)) {
            r.diagnostics().invalidValue(evolution.pos(), "'schema_evolution' in " + r.where() + " applies only to"
                    + " columns inferred from the records, and this table declares its columns; remove"
                    + " schema_evolution, or remove the columns to infer them.");
        }
        if (inferred) {
            // nothing to check
        } else if (columns != null && !(columns instanceof Dyn.Const c && c.value() == null) || model == null) {
            ColumnLiterals.check(columns, "columns", r);
        } else {
            ColumnLiterals.checkModel(model, r);
        }
        Dyn source = r.dyn("source");
        Dyn table = r.dyn("table");
        if (table == null && defaultTable == null) {
            r.missing("'table' is required in " + r.where() + " (or set response.table).", "table", "table_expression");
        }
        if (source == null && defaultSource == null) {
            r.missing("'source' is required in " + r.where() + ": the database source to write to (or set"
                    + " response.source).", "source", "source_expression");
        }
        Dyn data = r.dyn("data");
        if (data instanceof Dyn.Const c && c.value() != null) {
            r.diagnostics().invalidValue(c.pos(), "'data' in " + r.where() + " must be a list of rows (mappings), not "
                    + Literals.shown(c.value()) + ".");
        }
        Dyn.Path dataPath = r.path(DATA_PATH);
        if (dataPath != null) {
            if (r.has("data") || r.has("data" + KeyReader.EXPR)) {
                r.diagnostics().error(r.keyPos(DATA_PATH), "Both data" + (r.has("data") ? "" : KeyReader.EXPR)
                        + " and data_path are specified in " + r.where() + ". Only one of them can be specified.");
            }
            data = dataPath;
        }
        WriteKeys write = WriteKeysParser.read(r, inferred ? null : ColumnLiterals.literalNames(columns, model));
        Dyn flatten = r.checked(FLATTEN, LiteralRule.BOOLEAN);
        Dyn maxNesting = r.countDyn(MAX_NESTING);
        if (maxNesting != null && (flatten == null || flatten instanceof Dyn.Const c && !Boolean.TRUE.equals(c.value()))) {
            r.diagnostics().invalidValue(r.keyPos(MAX_NESTING), "'max_nesting' in " + r.where() + " is used only with"
                    + " flatten: true; add flatten: true or remove max_nesting.");
        }
        Dyn childTables = r.checked(CHILD_TABLES, LiteralRule.BOOLEAN);
        if (!inferred && childTables instanceof Dyn.Const c && Boolean.TRUE.equals(c.value())) {
            r.diagnostics().invalidValue(r.keyPos(CHILD_TABLES), "'child_tables' in " + r.where() + " needs columns"
                    + " inferred from the records (child tables always infer theirs), and this table declares its"
                    + " columns; remove the columns, or remove child_tables.");
        }
        TableDef t = new TableDef(source, r.dyn("database"), r.dyn("namespace"), table, columns, model, data,
                write, evolution, flatten, maxNesting, childTables, r.pos());
        r.finish();
        return t;
    }

    /** The keys that turn a record's nested objects into columns of their own, and how deep. */
    public static final String FLATTEN = "flatten";
    public static final String MAX_NESTING = "max_nesting";

    /** The key that turns arrays in a record into rows of child tables ({@code <table>__<field>}). */
    public static final String CHILD_TABLES = "child_tables";

    /** The key that says what inferred columns do with new fields and wider values. */
    public static final String SCHEMA_EVOLUTION = "schema_evolution";

    /** The key that selects a table's rows from the response body with a path. */
    public static final String DATA_PATH = "data_path";
}
