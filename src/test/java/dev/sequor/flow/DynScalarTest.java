package dev.sequor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.error.SourcePos;
import org.junit.jupiter.api.Test;

/** A YAML string without markup is the text upstream's Jinja2 render of it gives, as a template's render is. */
class DynScalarTest {

    static final SourcePos POS = new SourcePos("flows/f.yaml", 3, 5);

    @Test
    void aBlockScalarLosesItsFinalNewlineAsUpstreamRendersIt() {
        assertThat(Dyn.scalar("multi\nline\n", POS)).isEqualTo(new Dyn.Const("multi\nline", POS));
        assertThat(Dyn.scalar("a\r\nb", POS)).isEqualTo(new Dyn.Const("a\nb", POS));
        assertThat(Dyn.scalar(5L, POS)).isEqualTo(new Dyn.Const(5L, POS));
        assertThat(Dyn.scalar("x {{ 1 }}\n", POS)).isEqualTo(new Dyn.Template("x {{ 1 }}\n", POS));
    }
}
