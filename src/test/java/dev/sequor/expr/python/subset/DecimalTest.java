package dev.sequor.expr.python.subset;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Java evaluator's {@code decimal} module against what GraalPy printed for the same expressions. */
class DecimalTest {

    @TestFactory
    Stream<DynamicTest> matchesGraalPy() {
        return GraalPyTable.tests("decimal.txt");
    }
}
