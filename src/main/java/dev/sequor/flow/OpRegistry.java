package dev.sequor.flow;

import dev.sequor.flow.parse.ControlOpParsers;
import dev.sequor.flow.parse.HttpRequestParser;
import dev.sequor.flow.parse.SqlOpParsers;
import dev.sequor.flow.parse.VariableOpParsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows every op name: how to parse it and which keys name it in labels
 * (upstream's op titles: the first of these keys that is set follows {@code "<op>: "}).
 */
public final class OpRegistry {

    /** An op kind: its parser and the keys tried, in order, for its label. */
    public record OpKind(String name, OpParser parser, List<String> labelKeys) {
    }

    private static final Map<String, OpKind> KINDS = new LinkedHashMap<>();

    static {
        register("http_request", HttpRequestParser::parse, "id", "title", "url");
        register("transform", SqlOpParsers::transform, "id", "title", "target_table");
        register("execute", SqlOpParsers::execute, "id", "title");
        register("migrate_schema", SqlOpParsers::migrateSchema, "id", "title", "target_table");
        register("run_flow", ControlOpParsers::runFlow, "title", "id", "flow");
        register("run_workflow", ControlOpParsers::runFlow, "title", "id", "flow");
        register("set_variable", VariableOpParsers::setVariable, "id", "title");
        register("print", VariableOpParsers::print, "title", "id", "message");
        register("if", ControlOpParsers::ifOp, "id", "title");
        register("for_each", ControlOpParsers::forEach, "title", "id");
        register("block", ControlOpParsers::block, "title", "id");
        register("while", ControlOpParsers::whileOp, "id", "title");
        register("try", ControlOpParsers::tryOp, "id", "title");
    }

    private OpRegistry() {
    }

    private static void register(String name, OpParser parser, String... labelKeys) {
        KINDS.put(name, new OpKind(name, parser, List.of(labelKeys)));
    }

    public static OpKind get(String name) {
        return KINDS.get(name);
    }

    public static Set<String> names() {
        return KINDS.keySet();
    }
}
