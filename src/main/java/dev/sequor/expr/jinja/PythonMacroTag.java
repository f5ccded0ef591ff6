package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.lib.tag.MacroTag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Jinjava's macro tag, with an argument the call leaves out and the macro gives no default undefined
 * ({@link PythonUndefined}), as in Jinja2: {@code {% macro greet(name) %}{{ name|default('you') }}} gives
 * {@code you} for {@code greet()} and None for {@code greet(none)}. Jinjava made both None, which {@code default}
 * could not tell apart once it kept None.
 */
final class PythonMacroTag extends MacroTag {

    @Override
    protected MacroFunction constructMacroFunction(TagNode tagNode, JinjavaInterpreter interpreter, String name,
                                                   LinkedHashMap<String, Object> argNamesWithDefaults) {
        if (!interpreter.isValidationMode()) { // checking renders bodies with stand-ins; printing one must not fail
            String signature = tagNode.getHelpers();
            for (Map.Entry<String, Object> arg : argNamesWithDefaults.entrySet()) {
                if (arg.getValue() == null && !hasDefault(signature, arg.getKey())) {
                    arg.setValue(new PythonUndefined("parameter '" + arg.getKey() + "' was not provided"));
                }
            }
        }
        return super.constructMacroFunction(tagNode, interpreter, name, argNamesWithDefaults);
    }

    /** Whether {@code name=...} appears among the arguments of {@code signature} ({@code m(a, b=none)}). */
    private static boolean hasDefault(String signature, String name) {
        return Pattern.compile("[(,]\\s*" + Pattern.quote(name) + "\\s*=").matcher(signature).find();
    }
}
