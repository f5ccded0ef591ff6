package dev.sequor.expr.python.subset;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The standard library modules the evaluator provides, each built in its own class. A snippet importing any
 * other module, or an attribute one of these lacks, goes to GraalPy (decided at compile time).
 */
final class StdlibModules {

    private StdlibModules() {
    }

    static void register(Map<String, Supplier<PyModule>> factories) {
        factories.put("hashlib", HashlibModule::create);
        factories.put("hmac", HmacModule::create);
        factories.put("json", JsonModule::create);
        factories.put("base64", Base64Module::create);
        factories.put("urllib", UrllibParseModule::createPackage);
        factories.put("urllib.parse", UrllibParseModule::create);
        factories.put("math", MathModule::create);
        factories.put("datetime", DatetimeModule::create);
        factories.put("decimal", DecimalModule::create);
    }
}
