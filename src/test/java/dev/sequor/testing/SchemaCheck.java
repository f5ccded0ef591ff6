package dev.sequor.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sequor.flow.spec.JsonSchemas;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YamlLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates YAML text against the generated schema of one kind of file with an independent validator
 * (networknt json-schema-validator, draft-07), as an editor would.
 */
public final class SchemaCheck {

    private static final Map<String, Schema> SCHEMAS = new HashMap<>();

    private SchemaCheck() {
    }

    /** The validator's messages for {@code yaml} as a file of {@code kind}; empty when it is valid. */
    public static synchronized List<String> errors(String kind, String yaml) {
        Schema schema = SCHEMAS.computeIfAbsent(kind, k -> SchemaRegistry
                .withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JsonSchemas.text(k), InputFormat.JSON));
        Object plain = YamlLoader.load(yaml, "test.yaml").map(YNode::toPlain).orElse(null);
        try {
            return schema.validate(new ObjectMapper().writeValueAsString(plain), InputFormat.JSON).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
