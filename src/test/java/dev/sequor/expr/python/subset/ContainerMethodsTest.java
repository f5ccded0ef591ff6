package dev.sequor.expr.python.subset;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** list, tuple, dict and set methods and int/float attributes against GraalPy's answers (container-methods.txt). */
class ContainerMethodsTest {

    @TestFactory
    List<DynamicTest> containerMethods() throws IOException {
        return DifferentialCases.load("container-methods.txt");
    }
}
