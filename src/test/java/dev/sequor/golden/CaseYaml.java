package dev.sequor.golden;

import java.math.BigDecimal;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.json.ConstructYamlJsonFloat;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads case.yaml with YAML 1.2's core schema, except that a float is read as the exact decimal written
 * ({@code 0.1} stays 0.1, {@code 12345678901234567.89} keeps every digit), so an expected decimal cell is compared
 * with what the case says rather than with its nearest double. {@code .nan} and {@code .inf} stay doubles.
 */
final class CaseYaml {

    private static final ConstructNode EXACT_FLOAT = new ConstructYamlJsonFloat() {
        @Override
        protected Object constructFromString(String value) {
            Object d = super.constructFromString(value);
            return d instanceof Double x && (x.isNaN() || x.isInfinite()) ? d : new BigDecimal(value.replace("_", ""));
        }
    };

    private CaseYaml() {
    }

    static Object load(String text) {
        LoadSettings settings = LoadSettings.builder().setTagConstructors(Map.of(Tag.FLOAT, EXACT_FLOAT)).build();
        return new Load(settings).loadFromString(text);
    }
}
