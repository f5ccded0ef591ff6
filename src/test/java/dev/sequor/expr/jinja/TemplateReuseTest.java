package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Renders reuse interpreters ({@link RenderSlots}); nothing of one render may reach the next: variables it sets,
 * macros it defines, blocks, errors, and the scope it was given. Renders on many threads at once stay apart.
 */
class TemplateReuseTest {

    final Templates templates = Templates.shared();

    String render(CompiledTemplate t, MapScope scope) {
        return templates.render(t, scope, TemplatesTest.LIMIT);
    }

    CompiledTemplate compile(String text) {
        return templates.compile(text, TemplatesTest.POS);
    }

    @Test
    void aVariableSetInOneRenderIsUndefinedInTheNext() {
        CompiledTemplate sets = compile("{% set leaked = 'yes' %}{{ leaked }}");
        CompiledTemplate reads = compile("{{ leaked }}");
        MapScope scope = new MapScope();
        assertThat(render(sets, scope)).isEqualTo("yes");
        assertThatThrownBy(() -> render(reads, scope)).isInstanceOf(SequorException.class)
                .hasMessageContaining("'leaked' is undefined");
        assertThat(render(sets, scope)).isEqualTo("yes");
    }

    @Test
    void aTemplateDefiningAMacroRendersAgainWithNewValues() {
        CompiledTemplate t = compile("{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}{{ twice(var('x')) }}");
        assertThat(render(t, new MapScope().var("x", "a"))).isEqualTo("aa");
        assertThat(render(t, new MapScope().var("x", "b"))).isEqualTo("bb");
    }

    @Test
    void eachRenderSeesItsOwnScope() {
        CompiledTemplate t = compile("{{ var('x') }}");
        for (int i = 0; i < 50; i++) {
            assertThat(render(t, new MapScope().var("x", "v" + i))).isEqualTo("v" + i);
        }
    }

    @Test
    void aFailedRenderLeavesNoErrorForTheNext() {
        CompiledTemplate fails = compile("{{ nowhere }}");
        CompiledTemplate fine = compile("{{ 1 + 1 }}");
        MapScope scope = new MapScope().var("x", "3");
        for (int i = 0; i < 120; i++) {
            assertThatThrownBy(() -> render(fails, scope)).isInstanceOf(SequorException.class);
            assertThat(render(fine, scope)).isEqualTo("2");
        }
    }

    @Test
    void blocksRenderTheSameEveryTime() {
        CompiledTemplate t = compile("{% block b %}{{ var('x') }}{% endblock %}");
        assertThat(RenderSlots.shareable(t.root())).isFalse();
        assertThat(render(t, new MapScope().var("x", "one"))).isEqualTo("one");
        assertThat(render(t, new MapScope().var("x", "two"))).isEqualTo("two");
        assertThat(RenderSlots.shareable(compile("{% if true %}{% for i in [1] %}{{ i }}{% endfor %}{% endif %}").root()))
                .isTrue();
    }

    @Test
    void manyThreadsRenderingAtOnceGetTheirOwnValues() throws Exception {
        CompiledTemplate t = compile("{% set n = var('n') | int %}{% for i in range(3) %}{{ n + i }},{% endfor %}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int n = (int) (Math.random() * 1000);
                        String out = render(t, new MapScope().var("n", n));
                        if (!out.equals(n + "," + (n + 1) + "," + (n + 2) + ",")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
