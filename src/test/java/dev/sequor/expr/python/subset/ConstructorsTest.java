package dev.sequor.expr.python.subset;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The built-in types' constructors against GraalPy's answers (constructors.txt). */
class ConstructorsTest {

    @TestFactory
    List<DynamicTest> constructors() throws IOException {
        return DifferentialCases.load("constructors.txt");
    }
}
