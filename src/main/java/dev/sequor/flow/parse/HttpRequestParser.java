package dev.sequor.flow.parse;

import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.Dyns;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.OpParser.StepsParser;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.HttpRequestOp.ForEachSource;
import dev.sequor.flow.op.HttpRequestOp.Request;
import dev.sequor.flow.op.HttpRequestOp.Response;
import dev.sequor.flow.op.HttpRequestOp.TableDef;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.OpMeta;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YList;
import dev.sequor.yaml.YNode.YMap;
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
        ForEachSource forEach = forEach(keys);
        Request request = null;
        YMap req = keys.mapping("request");
        if (req == null) {
            diag.error(meta.pos(), "'request' is required in " + keys.where() + ": a mapping with at least 'url'.");
        } else {
            request = request(new KeyReader(req, keys.where() + " request", diag));
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
        KeyReader r = new KeyReader(init, keys.where() + " init", keys.diagnostics());
        LinkedHashMap<String, Dyn> entries = new LinkedHashMap<>();
        YMap vars = r.mapping("variables");
        if (vars != null) {
            entries.put("variables", VarDefs.parse(vars, r));
        }
        r.finish();
        return new Dyn.DMap(entries, init.pos());
    }

    private static ForEachSource forEach(KeyReader keys) {
        YMap fe = keys.mapping("for_each");
        if (fe == null) {
            return null;
        }
        KeyReader r = new KeyReader(fe, keys.where() + " for_each", keys.diagnostics());
        ForEachSource s = new ForEachSource(r.requiredDyn("source"), r.dyn("database"), r.dyn("namespace"),
                r.requiredDyn("table"), r.requiredString("as"), fe.pos());
        r.finish();
        return s;
    }

    private static Request request(KeyReader r) {
        Diagnostics diag = r.diagnostics();
        String source = r.string("source");
        Dyn url = r.requiredDyn("url");
        Dyn method = r.dyn("method");
        if (method == null) {
            method = Dyn.constant("GET", r.pos());
        }
        Dyn parameters = mapWithKeyExpressions(r, "parameters");
        Dyn headers = r.dyn("headers");
        Dyn body = r.dyn("body");
        String bodyFormat = r.string("body_format");
        if (bodyFormat != null && !BODY_FORMATS.contains(bodyFormat)) {
            diag.error(r.keyPos("body_format"), UNSUPPORTED_BODY_FORMATS.contains(bodyFormat)
                    ? bodyFormat + " body format is not supported yet; use one of: json, form_urlencoded, text."
                    : "Unknown body_format '" + bodyFormat + "'; use one of: json, form_urlencoded, text.");
        }
        if (body != null && bodyFormat == null) {
            diag.error(r.pos(), "body_format is required when request body is provided"
                    + " (e.g. \"json\", \"form_urlencoded\", etc)");
        }
        Dyn timeout = r.dyn("timeout_seconds");
        r.finish();
        return new Request(source, url, method, parameters, headers, bodyFormat, body, timeout, r.pos());
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
        KeyReader r = new KeyReader(resp, where, diag);
        Dyn successStatus = r.dyn("success_status");
        Dyn source = r.dyn("source");
        Dyn database = r.dyn("database");
        Dyn namespace = r.dyn("namespace");
        Dyn table = r.dyn("table");
        List<TableDef> tables = new ArrayList<>();
        YList list = r.list("tables");
        if (list != null) {
            for (YNode item : list.items()) {
                if (item instanceof YMap t) {
                    tables.add(table(new KeyReader(t, where + " table", diag)));
                } else {
                    diag.error(item.pos(), "Each entry of 'tables' in " + where
                            + " must be a mapping with 'table' and 'columns'.");
                }
            }
        }
        Dyn parser = r.dyn("parser");
        Dyn variables = r.node("variables") instanceof YMap vars && !r.has("variables_expression")
                ? VarDefs.parse(vars, r) : r.dyn("variables");
        Dyn whileCondition = r.dyn("while");
        Dyn maxIterations = r.countDyn("max_iterations");
        r.finish();
        return new Response(successStatus, source, database, namespace, table, List.copyOf(tables), parser,
                variables, whileCondition, maxIterations, resp.pos());
    }

    private static TableDef table(KeyReader r) {
        Dyn columns = r.dyn("columns");
        Dyn model = r.dyn("model");
        if (columns == null && model == null) {
            r.diagnostics().error(r.pos(), "columns or columns_expression (or model) must be specified in "
                    + r.where() + ".");
        }
        TableDef t = new TableDef(r.dyn("source"), r.dyn("database"), r.dyn("namespace"), r.dyn("table"),
                columns, model, r.dyn("data"), r.dyn("write_mode"), r.pos());
        r.finish();
        return t;
    }
}
