package dev.sequor.expr.python;

import dev.sequor.expr.python.Typed.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generated part of the differential test: from one seed, {@code expressions} expression cases (half of them
 * with names bound first, some importing modules) and {@code bodies} function-body cases. The same seed always
 * gives the same cases, so a failure in CI can be reproduced locally.
 */
final class GeneratedCorpus {

    /** The seed CI uses; {@code -Dsequor.difftest.seed=N} explores others. */
    static final long DEFAULT_SEED = 20250611L;
    /** Chance that an operand has a random kind instead of a sensible one (TypeErrors and friends). */
    private static final double WRONG_RATE = 0.08;

    /** Flow variables the generated cases may read with var(), per kind; 'nope' is not defined. */
    static final Map<Kind, String[]> SCOPE_VARIABLES = new EnumMap<>(Map.of(
            Kind.INT, new String[] {"count", "big"},
            Kind.FLOAT, new String[] {"price", "amount"},
            Kind.STR, new String[] {"name"},
            Kind.BOOL, new String[] {"flag"},
            Kind.LIST, new String[] {"items"},
            Kind.DICT, new String[] {"customer"},
            Kind.NONE, new String[] {"nope"}));

    private final Random rnd;

    GeneratedCorpus(long seed) {
        this.rnd = new Random(seed);
    }

    /** The scope generated cases run against: the variables of {@link #SCOPE_VARIABLES}. */
    static MapScope scope() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", 7L);
        customer.put("email", "Ann.Smith@Example.com");
        customer.put("tags", List.of("vip", "eu"));
        customer.put("balance", new BigDecimal("-3.10"));
        customer.put("note", null);
        return new MapScope()
                .var("count", 5L)
                .var("big", BigInteger.TWO.pow(70))
                .var("price", 9.99)
                .var("amount", new BigDecimal("12.50"))
                .var("name", "Zoë")
                .var("flag", true)
                .var("items", new ArrayList<>(List.of(1L, "two", 3.0, List.of(4L))))
                .var("customer", customer);
    }

    List<DiffCase> cases(int expressions, int bodies) {
        List<DiffCase> cases = new ArrayList<>(expressions + bodies);
        for (int i = 0; i < expressions; i++) {
            cases.add(expressionCase("expression " + i));
        }
        BodyGenerator bodyGenerator = new BodyGenerator(rnd, WRONG_RATE);
        for (int i = 0; i < bodies; i++) {
            cases.add(new DiffCase("body " + i, bodyGenerator.body()));
        }
        return cases;
    }

    private DiffCase expressionCase(String label) {
        GenEnv env = new GenEnv();
        ExpressionGenerator g = new ExpressionGenerator(rnd, env, WRONG_RATE);
        StringBuilder setup = new StringBuilder();
        if (g.chance(0.5)) {
            int names = 1 + g.pick(3);
            for (int i = 0; i < names; i++) {
                Typed value = g.values.of(g.anyKind(), 2);
                String name = env.freshName(value.kind(), rnd);
                setup.append(name).append(" = ").append(value.code()).append('\n');
                env.bind(name, value.kind());
            }
        }
        Typed expr = g.any(3);
        return DiffCase.withSetup(label, env.importLines() + setup, expr.code());
    }
}
