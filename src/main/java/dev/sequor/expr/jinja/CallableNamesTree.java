package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.FunctionNode;
import jinjava.de.odysseus.el.tree.IdentifierNode;
import jinjava.de.odysseus.el.tree.Tree;
import jinjava.javax.el.FunctionMapper;
import jinjava.javax.el.VariableMapper;

/**
 * A parsed expression whose calls may also name a variable ({@code {% set pipe = joiner('|') %}{{ pipe() }}},
 * {@code loop(children)}). Jinjava binds every {@code name(...)} to a registered function or a macro each time the
 * expression runs, and failed on any other name; a name that may hold a value binds to {@link PythonCall#VALUE_CALL}
 * now, and {@link PythonCall} calls the value. Expressions without calls bind as before, at no cost.
 */
final class CallableNamesTree extends Tree {

    /** Whether a call names no registered function: a macro or a value; binding then asks {@link OrVariables}. */
    private final boolean callsMoreThanFunctions;
    /**
     * The last mapper made, for the function mapper it wraps: each interpreter keeps one mapper, so a render reuses
     * it. Shared between threads without a lock: a wrapper never changes, and a lost update only costs a new one.
     */
    private volatile OrVariables lastMapper;

    CallableNamesTree(Tree parsed) {
        super(parsed.getRoot(), list(parsed.getFunctionNodes()), list(parsed.getIdentifierNodes()),
                parsed.isDeferred());
        this.callsMoreThanFunctions = callsMoreThanFunctions(parsed);
    }

    /**
     * Registered functions ({@code var}, {@code range}, ...) are Jinjava's for every template, so an expression that
     * calls only those binds as it did, without the extra mapper (a render's most frequent calls).
     */
    private static boolean callsMoreThanFunctions(Tree parsed) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        for (FunctionNode node : parsed.getFunctionNodes()) {
            String name = node.getName().indexOf(':') < 0 ? ":" + node.getName() : node.getName();
            if (interpreter == null || interpreter.getContext().getFunction(name) == null) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> list(Iterable<T> nodes) {
        List<T> out = new ArrayList<>();
        nodes.forEach(out::add);
        return out;
    }

    @Override
    public Bindings bind(FunctionMapper functions, VariableMapper variables, TypeConverter converter) {
        if (!callsMoreThanFunctions || functions == null) {
            return super.bind(functions, variables, converter);
        }
        OrVariables mapper = lastMapper;
        if (mapper == null || mapper.functions != functions) {
            mapper = new OrVariables(functions);
            lastMapper = mapper;
        }
        return super.bind(mapper, variables, converter);
    }

    /**
     * Key, in the context of a template being checked, of the names its {@code set} tags assign; with a space, so that
     * no template can spell it.
     */
    static final String ASSIGNED_NAMES_KEY = "sequor assigned names";

    private static final Pattern SET_TARGETS = Pattern.compile("\\{%[-+]?\\s*set\\s+([A-Za-z_][\\w\\s,]*?)\\s*=");

    /** The names {@code {% set a = ... %}} and {@code {% set a, b = ... %}} assign in {@code source}. */
    static Set<String> assignedNames(String source) {
        Set<String> names = new HashSet<>();
        Matcher m = SET_TARGETS.matcher(source);
        while (m.find()) {
            for (String name : m.group(1).split(",")) {
                names.add(name.strip());
            }
        }
        return Set.copyOf(names);
    }

    /**
     * Jinjava's functions and macros first, as Jinjava resolves them; then, while rendering, any other name, which
     * {@link PythonCall} calls or reports as Jinja2 does ({@code 'foo' is undefined}). While a template is checked,
     * only a name bound in the context (a loop variable, a macro argument) or assigned by a {@code set} tag (which
     * does not run while checking): any other is still an error when the template is compiled.
     */
    private static final class OrVariables extends FunctionMapper {

        private final FunctionMapper functions;

        OrVariables(FunctionMapper functions) {
            this.functions = functions;
        }

        @Override
        public Method resolveFunction(String prefix, String localName) {
            Method method = functions.resolveFunction(prefix, localName);
            if (method != null || !prefix.isEmpty()) {
                return method;
            }
            JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
            if (interpreter == null || !interpreter.isValidationMode() || StrictNames.isBound(localName)
                    || interpreter.getContext().get(ASSIGNED_NAMES_KEY) instanceof Set<?> assigned
                    && assigned.contains(localName)) {
                return PythonCall.VALUE_CALL;
            }
            return null;
        }
    }
}
