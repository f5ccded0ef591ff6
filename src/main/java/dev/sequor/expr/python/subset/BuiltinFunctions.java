package dev.sequor.expr.python.subset;

import java.util.Map;

/** PLACEHOLDER: the builtin functions (being written). */
final class BuiltinFunctions {

    private BuiltinFunctions() {
    }

    static void register(Map<String, Object> builtins) {
        builtins.put("len", (PyCallable) (args, kw) -> (long) Items.len(args[0]));
    }
}
