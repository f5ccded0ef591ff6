package dev.sequor.expr.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.ExprScope;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinja templates in flows ({@code {{ var('x') }}}), rendered by Jinjava with Jinja2's behaviour as upstream Sequor
 * uses it: StrictUndefined, Python-style output, the globals {@code var}, {@code is_var_defined}, {@code env},
 * {@code query_value}. Parse each template once with {@link #compile} and render it as often as needed; rendering
 * never re-parses and is thread-safe. One Jinjava per JVM, created on first use (it costs about a second).
 */
public final class Templates {

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    private final JinjavaConfig validationConfig;
    /** Interpreters reused between renders (making one per render was most of a small render's cost). */
    private final RenderSlots slots;

    private Templates() {
        JinjavaStarted.now();
        this.config = config(false);
        this.validationConfig = config(true);
        this.jinjava = new PythonJinjava(config);
        TemplateFunctions.registerAll(jinjava);
        jinjava.registerFilter(new PythonStringFilter());
        jinjava.registerFilter(new PythonUrlencodeFilter());
        jinjava.registerFilter(new PythonTojsonFilter());
        jinjava.registerFilter(new PythonRoundFilter());
        jinjava.registerFilter(new PythonSortFilter());
        jinjava.registerFilter(PythonMinMaxFilter.max());
        jinjava.registerFilter(PythonMinMaxFilter.min());
        jinjava.registerFilter(new PythonBatchFilter());
        jinjava.registerFilter(new PythonTruncateFilter());
        jinjava.registerFilter(new PythonIntFilter());
        jinjava.registerFilter(new PythonFloatFilter());
        jinjava.registerFilter(new PythonSumFilter());
        jinjava.registerFilter(new PythonJoinFilter());
        jinjava.registerFilter(new PythonFormatFilter());
        jinjava.registerFilter(new PythonTitleFilter());
        jinjava.registerFilter(new PythonTrimFilter());
        jinjava.registerFilter(new PythonReplaceFilter());
        jinjava.registerFilter(new PythonUniqueFilter());
        jinjava.registerFilter(new PythonDictsortFilter());
        jinjava.registerFilter(new PythonSliceFilter());
        jinjava.registerFilter(new PythonAttrFilter());
        PythonMoreFilters.all().forEach(jinjava::registerFilter);
        jinjava.registerFilter(new PythonMapFilter());
        PythonDefaultFilter.both().forEach(jinjava::registerFilter);
        PythonTests.all().forEach(jinjava.getGlobalContext()::registerExpTest);
        PythonItemsFilter.all().forEach(jinjava::registerFilter);
        jinjava.registerTag(new PythonTruth.If());
        jinjava.registerTag(new PythonForTag());
        jinjava.registerTag(new PythonNamespace.Set());
        jinjava.registerTag(new PythonWithTag());
        jinjava.registerTag(new PythonFilterTag());
        jinjava.registerTag(new PythonMacroTag());
        jinjava.registerFunction(new ELFunctionDefinition("", "namespace", PythonNamespace.class, "create",
                Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "dict", PythonNamespace.class, "dict", Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "range", PythonRange.class, "range", Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "cycler", PythonCycler.class, "create", Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "joiner", PythonJoiner.class, "create", Object[].class));
        this.slots = new RenderSlots(jinjava, config);
    }

    /** Jinjava parsing expressions with {@link PythonParser}. */
    private static final class PythonJinjava extends Jinjava {

        private final ExpressionFactory expressions = PythonParser.expressionFactory(new PythonTruth.Converter());

        PythonJinjava(JinjavaConfig config) {
            super(config);
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return expressions;
        }
    }

    /** Holder idiom: the JVM creates the Jinjava instance once, on the first call to {@link #shared()}. */
    private static final class Holder {
        static final Templates INSTANCE = new Templates();
    }

    /** The JVM-wide instance. */
    public static Templates shared() {
        return Holder.INSTANCE;
    }

    /** Same as {@link JinjaMarkup#isTemplate}; callers that may run without templates should use that one. */
    public static boolean isTemplate(String text) {
        return JinjaMarkup.isTemplate(text);
    }

    /**
     * Parses and checks {@code text} once. Syntax errors, even in branches that a render would skip, are
     * {@code SequorException.invalid} at {@code pos} moved to the line of the error.
     */
    public CompiledTemplate compile(String text, SourcePos pos) {
        Context context = new Context(jinjava.getGlobalContextCopy(), new HashMap<>(), validationConfig.getDisabled());
        context.setValidationMode(true);
        context.put(CallableNamesTree.ASSIGNED_NAMES_KEY, CallableNamesTree.assignedNames(text));
        JinjavaInterpreter checker = new PythonOutputInterpreter(jinjava, context, validationConfig);
        JinjavaInterpreter.pushCurrent(checker);
        Node root;
        try {
            root = checker.parse(NestedBraces.spaced(TrimmedComments.asExpressions(JinjaMarkup.normalized(text))));
            PythonForTag.moveElseBranches(root);
            if (firstSyntaxError(checker).isEmpty()) {
                KnownFiltersAndTests.check(root, checker.getContext(), pos);
                // validation mode walks every branch without calling functions, so expressions get parsed too
                renderIgnoringValueErrors(checker, root);
            }
        } catch (TemplateSyntaxException e) {
            throw TemplateFailures.invalid(pos, e.getLineNumber(), e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        Optional<TemplateError> syntax = firstSyntaxError(checker);
        if (syntax.isPresent()) {
            throw TemplateFailures.invalid(pos, syntax.get().getLineno(), syntax.get().getMessage());
        }
        return new CompiledTemplate(text, pos, root, StrictNames.testedNames(text), singleExpression(root),
                RenderSlots.shareable(root));
    }

    /**
     * Renders with {@code scope}, for at most {@code timeLimit} (null: no limit); failures are
     * {@code SequorException.failed} "Error rendering Jinja template: ...".
     */
    public String render(CompiledTemplate template, ExprScope scope, Duration timeLimit) {
        return (String) run(template, scope, false, timeLimit);
    }

    /**
     * Like render, but a template that is exactly one {@code {{ expr }}} returns the expression's value itself
     * (a list stays a list, None stays null); any other template returns its rendered text.
     */
    public Object evaluate(CompiledTemplate template, ExprScope scope, Duration timeLimit) {
        return run(template, scope, template.singleExpression() != null, timeLimit);
    }

    private Object run(CompiledTemplate template, ExprScope scope, boolean asValue, Duration timeLimit) {
        RenderSlots.Slot slot = slots.take(template.sharesInterpreter());
        try {
            return run(template, slot, scope, asValue, timeLimit);
        } finally {
            slots.give(slot);
        }
    }

    private Object run(CompiledTemplate template, RenderSlots.Slot slot, ExprScope scope, boolean asValue,
                       Duration timeLimit) {
        PythonOutputInterpreter interpreter = slot.interpreter();
        Context context = interpreter.getContext();
        context.put(TemplateFunctions.SCOPE_KEY, scope);
        context.setDynamicVariableResolver(new StrictNames(template.testedNames()));
        RenderDeadline deadline = timeLimit == null ? null : new RenderDeadline(timeLimit);
        interpreter.limitTo(deadline);
        JinjavaInterpreter.pushCurrent(interpreter);
        Object result;
        try {
            Node root = template.root();
            result = asValue
                    ? interpreter.resolveELExpression(template.singleExpression(), root.getChildren().getFirst().getLineNumber())
                    : interpreter.render(root);
        } catch (RuntimeException e) {
            if (deadline != null && deadline.expired()) {
                throw TemplateFailures.timedOut(template.pos(), e, deadline.limitNanos());
            }
            throw TemplateFailures.renderError(template.pos(), e);
        } catch (OutOfMemoryError e) {
            // what failed to allocate is garbage now: the JVM can go on and report the template
            throw SequorException.failed(template.pos(), "Error rendering Jinja template: it ran out of memory");
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        if (deadline != null && deadline.expired()) {
            // the timeout was caught inside Jinjava and collected as an error: the render is still over
            throw TemplateFailures.timedOut(template.pos(), null, deadline.limitNanos());
        }
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() == ErrorType.FATAL) {
                throw TemplateFailures.renderError(template.pos(), error);
            }
        }
        if (result instanceof PythonUndefined undefined) {
            // a single {{ expr }} taken as a value: Jinja2 would have failed printing it
            throw TemplateFailures.renderError(template.pos(), undefined.error());
        }
        return result;
    }

    private static void renderIgnoringValueErrors(JinjavaInterpreter checker, Node root) {
        try {
            checker.render(root);
        } catch (TemplateSyntaxException e) {
            throw e;
        } catch (RuntimeException e) {
            // values are unknown while checking; only syntax matters here, the real render reports the rest
        }
    }

    private static Optional<TemplateError> firstSyntaxError(JinjavaInterpreter interpreter) {
        return interpreter.getErrors().stream().filter(e -> e.getReason() == ErrorReason.SYNTAX_ERROR).findFirst();
    }

    private static String singleExpression(Node root) {
        if (root.getChildren().size() == 1 && root.getChildren().getFirst() instanceof ExpressionNode node
                && node.getMaster() instanceof ExpressionToken token) {
            return token.getExpr();
        }
        return null;
    }

    /** The longest text a template may render (64 MB of characters). */
    static final long MAX_OUTPUT_CHARS = 64L * 1024 * 1024;

    private static JinjavaConfig config(boolean validation) {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PythonDataResolver());
        resolver.add(JinjavaConfig.newBuilder().build().getElResolver());
        return JinjavaConfig.newBuilder()
                .withInterperterFactory(PythonOutputInterpreter.FACTORY)
                .withElResolver(resolver)
                .withValidationMode(validation)
                // Jinja2 prints a value as it is; Jinjava by default renders a value that contains {{ }} or {% %}
                // again, so data from an API or a table could run template code (query_value) in the flow
                .withNestedInterpretationEnabled(false)
                // a loop bomb ends with a clear error instead of filling the heap: no value a flow needs is this big
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                // ... or instead of running for hours: every node rendered ticks the render's deadline
                .withNodePreProcessor(PythonOutputInterpreter::beforeNode)
                .withMaxStringLength(MAX_OUTPUT_CHARS)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withEvaluateMapKeys(true)
                        .withIterateOverMapKeys(true)
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .withUseTrimmingForNotesAndExpressions(true)
                        .withKeepNullableLoopValues(true)
                        .withHandleBackslashInQuotesOnly(true)
                        .build())
                .build();
    }
}
