package dev.sequor.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plain scalars typed as upstream's loaders type them. Expected values were checked with ruamel.yaml 0.19.1
 * ({@code YAML().load}, flows and sources) and PyYAML 6.0.3 ({@code yaml.safe_load}, environment files).
 */
class ScalarRulesTest {

    private static final String DOC = """
            a: yes
            b: no
            c: on
            d: off
            e: y
            g: 0o17
            h: 017
            i: 1_000
            j: .inf
            k: ~
            l: 2024-01-02
            n: 0b101
            o: 1e3
            p: 0x1F
            q: 1:30
            r: True
            s: NULL
            t: 1.50
            u: 09
            v: +12
            w: -.inf
            x: 1.0e+3
            y: 'yes'
            z: "017"
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(ScalarRules rules) {
        return (Map<String, Object>) YamlLoader.load(DOC, "t.yaml", rules).orElseThrow().toPlain();
    }

    @Test
    void flowsAndSourcesReadAsRuamelYaml12() {
        Map<String, Object> m = load(ScalarRules.RUAMEL);
        assertThat(m.get("a")).isEqualTo("yes");
        assertThat(m.get("b")).isEqualTo("no");
        assertThat(m.get("c")).isEqualTo("on");
        assertThat(m.get("d")).isEqualTo("off");
        assertThat(m.get("e")).isEqualTo("y");
        assertThat(m.get("g")).isEqualTo(15L);
        assertThat(m.get("h")).isEqualTo(17L);
        assertThat(m.get("i")).isEqualTo(1000L);
        assertThat(m.get("j")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m).containsEntry("k", null);
        assertThat(m.get("l")).isEqualTo("2024-01-02");
        assertThat(m.get("n")).isEqualTo(5L);
        assertThat(m.get("o")).isEqualTo(1000.0);
        assertThat(m.get("p")).isEqualTo(31L);
        assertThat(m.get("q")).isEqualTo("1:30");
        assertThat(m.get("r")).isEqualTo(true);
        assertThat(m).containsEntry("s", null);
        assertThat(m.get("t")).isEqualTo(1.5);
        assertThat(m.get("u")).isEqualTo(9L);
        assertThat(m.get("v")).isEqualTo(12L);
        assertThat(m.get("w")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(m.get("x")).isEqualTo(1000.0);
        assertThat(m.get("y")).isEqualTo("yes");
        assertThat(m.get("z")).isEqualTo("017");
    }

    @Test
    void environmentFilesReadAsPyYaml11() {
        Map<String, Object> m = load(ScalarRules.PYYAML);
        assertThat(m.get("a")).isEqualTo(true);
        assertThat(m.get("b")).isEqualTo(false);
        assertThat(m.get("c")).isEqualTo(true);
        assertThat(m.get("d")).isEqualTo(false);
        assertThat(m.get("e")).isEqualTo("y");
        assertThat(m.get("g")).isEqualTo("0o17");
        assertThat(m.get("h")).isEqualTo(15L);
        assertThat(m.get("i")).isEqualTo(1000L);
        assertThat(m.get("j")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m).containsEntry("k", null);
        assertThat(m.get("l")).isEqualTo("2024-01-02");
        assertThat(m.get("n")).isEqualTo(5L);
        assertThat(m.get("o")).isEqualTo("1e3");
        assertThat(m.get("p")).isEqualTo(31L);
        assertThat(m.get("q")).isEqualTo(90L);
        assertThat(m.get("r")).isEqualTo(true);
        assertThat(m).containsEntry("s", null);
        assertThat(m.get("t")).isEqualTo(1.5);
        assertThat(m.get("u")).isEqualTo("09");
        assertThat(m.get("v")).isEqualTo(12L);
        assertThat(m.get("w")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(m.get("x")).isEqualTo(1000.0);
        assertThat(m.get("y")).isEqualTo("yes");
        assertThat(m.get("z")).isEqualTo("017");
    }

    @Test
    void theDefaultIsRuamel() {
        assertThat(YamlLoader.load("a: on", "t.yaml").orElseThrow().toPlain()).isEqualTo(Map.of("a", "on"));
    }
}
