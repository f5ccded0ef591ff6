package dev.sequor.flow;

import dev.sequor.flow.parse.ControlOpParsers;
import dev.sequor.flow.parse.HttpRequestParser;
import dev.sequor.flow.parse.SqlOpParsers;
import dev.sequor.flow.parse.VariableOpParsers;
import dev.sequor.flow.spec.ControlOpSpecs;
import dev.sequor.flow.spec.FlowFileSpec;
import dev.sequor.flow.spec.HttpRequestSpec;
import dev.sequor.flow.spec.SectionSpec;
import dev.sequor.flow.spec.SqlOpSpecs;
import dev.sequor.flow.spec.VariableOpSpecs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows every op name: its keys ({@link SectionSpec}, which the parser, the JSON Schema and the
 * README's key reference all read), how to parse it, and which keys name it in labels (upstream's op titles: the
 * first of these keys that is set follows {@code "<op>: "}).
 */
public final class OpRegistry {

    /** An op kind: its keys (the common ones first), its parser and the keys tried, in order, for its label. */
    public record OpKind(String name, SectionSpec spec, OpParser parser, List<String> labelKeys) {
    }

    private static final Map<String, OpKind> KINDS = new LinkedHashMap<>();

    static {
        register("http_request", HttpRequestSpec.OP, HttpRequestParser::parse, "id", "title", "url");
        register("transform", SqlOpSpecs.TRANSFORM, SqlOpParsers::transform, "id", "title", "target_table");
        register("execute", SqlOpSpecs.EXECUTE, SqlOpParsers::execute, "id", "title");
        register("migrate_schema", SqlOpSpecs.MIGRATE_SCHEMA, SqlOpParsers::migrateSchema, "id", "title", "target_table");
        register("run_flow", ControlOpSpecs.RUN_FLOW, ControlOpParsers::runFlow, "title", "id", "flow");
        register("run_workflow", ControlOpSpecs.RUN_FLOW, ControlOpParsers::runFlow, "title", "id", "flow");
        register("set_variable", VariableOpSpecs.SET_VARIABLE, VariableOpParsers::setVariable, "id", "title");
        register("print", VariableOpSpecs.PRINT, VariableOpParsers::print, "title", "id", "message");
        register("if", ControlOpSpecs.IF, ControlOpParsers::ifOp, "id", "title");
        register("for_each", ControlOpSpecs.FOR_EACH, ControlOpParsers::forEach, "title", "id");
        register("block", ControlOpSpecs.BLOCK, ControlOpParsers::block, "title", "id");
        register("while", ControlOpSpecs.WHILE, ControlOpParsers::whileOp, "id", "title");
        register("try", ControlOpSpecs.TRY, ControlOpParsers::tryOp, "id", "title");
    }

    private OpRegistry() {
    }

    private static void register(String name, SectionSpec spec, OpParser parser, String... labelKeys) {
        KINDS.put(name, new OpKind(name, spec.withLeadingKeys(FlowFileSpec.COMMON_OP_KEYS), parser, List.of(labelKeys)));
    }

    public static OpKind get(String name) {
        return KINDS.get(name);
    }

    public static Set<String> names() {
        return KINDS.keySet();
    }
}
