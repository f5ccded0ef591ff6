package dev.sequor.expr.python.subset;

import java.util.Map;
import java.util.function.Supplier;

/** PLACEHOLDER: hashlib, json, base64, urllib.parse, math, datetime, decimal (being written). */
final class StdlibModules {

    private StdlibModules() {
    }

    static void register(Map<String, Supplier<PyModule>> factories) {
    }
}
