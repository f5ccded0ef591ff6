package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snippets and what Python 3.12 answers for them, side by side in {@code python-subset/*-cases.txt}: each case is
 * the snippet, then {@code ==> OK <repr>} or {@code ==> ERR <Type>: <message>}; cases are separated by {@code ----}.
 * The expected outcomes were produced by GraalPy 25.2 (Python 3.12), except where GraalPy's message is a bug of its
 * own (listed in docs/python-subset.md, "GraalPy's own messages"): there the case expects CPython's text.
 */
class EvaluatorCasesTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("core-cases.txt")) {
            String text;
            try (InputStream in = EvaluatorCasesTest.class.getResourceAsStream("/python-subset/" + file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String block : text.split("\n----\n")) {
                int arrow = block.lastIndexOf("\n==> ");
                String code = block.substring(0, arrow);
                String expected = block.substring(arrow + 5).strip();
                out.add(Arguments.of(file + ": " + code.lines().findFirst().orElse(""), code, expected));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaEvaluatorAnswersAsPython(String name, String code, String expected) {
        assertEquals(expected, SnippetRunner.outcome(code).replace("\n", "\\n"), code);
    }
}
