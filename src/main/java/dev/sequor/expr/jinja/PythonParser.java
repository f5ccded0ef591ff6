package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AstFilterChain;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.FilterSpec;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.el.ext.TruncDivOperator;
import java.math.BigInteger;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.Tree;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionPoint;
import jinjava.de.odysseus.el.tree.impl.Parser.ParseException;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.de.odysseus.el.tree.impl.ast.AstString;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

/**
 * Jinjava's expression parser made to read and evaluate expressions as Jinja2 does: Python's arithmetic
 * ({@link PythonArithmetic}), comparisons, {@code in}, {@code and} and chains ({@link PythonComparison}), Jinja2's
 * precedence for {@code not} and {@code **}, Python's string escapes ({@link PythonScanner}), tuples
 * ({@link PythonTuple}), extended slices ({@link PythonSlice}), trailing commas, a missing attribute as undefined to
 * {@code is defined} and {@code default} ({@link MissingAttribute}); {@code ~} joins Python's {@code str()} of its
 * operands ({@link PythonConcatOperator}), and {@code a if cond} without {@code else} gives an empty string when
 * {@code cond} is false, as Jinja2's Undefined prints, where Jinjava gives None (so
 * <code>{{ "," if not loop.last }}</code> printed {@code None} after the last item). Expressions are parsed once
 * and cached by the expression factory, so this costs nothing per render.
 */
final class PythonParser extends ExtendedParser {

    PythonParser(Builder context, String input) {
        super(context, input);
        putExtensionHandler(StringConcatOperator.TOKEN, PythonConcatOperator.HANDLER);
        putExtensionHandler(TruncDivOperator.TOKEN, PythonArithmetic.FLOOR_DIV_HANDLER);
        putExtensionHandler(PowerOfOperator.TOKEN, PythonArithmetic.POW_HANDLER);
    }

    /** JUEL's {@code and}, its operands parsed by {@link #not}. */
    @Override
    protected AstNode and(boolean required) throws ScanException, ParseException {
        AstNode v = not(required);
        if (v == null) {
            return null;
        }
        while (true) {
            Symbol symbol = getToken().getSymbol();
            if (symbol == Symbol.AND) {
                consumeToken();
                v = createAstBinary(v, not(true), AstBinary.AND);
            } else if (symbol == Symbol.EXTENSION && getExtensionHandler(getToken()) != null
                    && getExtensionHandler(getToken()).getExtensionPoint() == ExtensionPoint.AND) {
                v = getExtensionHandler(consumeToken()).createAstNode(v, not(true));
            } else {
                return v;
            }
        }
    }

    /**
     * Jinja2's comparison level: {@code == != < <= > >= in} and {@code not in} at one precedence, chained as Python
     * chains them ({@link PythonComparison.Chain}); JUEL put {@code ==} below {@code <} and Jinjava's {@code <} took
     * one operator only.
     */
    @Override
    protected AstNode eq(boolean required) throws ScanException, ParseException {
        AstNode first = add(required);
        if (first == null) {
            return null;
        }
        java.util.List<AstNode> operands = new java.util.ArrayList<>();
        java.util.List<PythonComparison> links = new java.util.ArrayList<>();
        operands.add(first);
        for (PythonComparison link = comparison(); link != null; link = comparison()) {
            links.add(link);
            operands.add(add(true));
        }
        if (links.isEmpty()) {
            return first;
        }
        return links.size() == 1 ? new AstBinary(first, operands.get(1), links.getFirst())
                : new PythonComparison.Chain(operands, links);
    }

    /** The comparison operator at the current token, consumed, or null. */
    private PythonComparison comparison() throws ScanException, ParseException {
        PythonComparison op = switch (getToken().getSymbol()) {
            case EQ -> PythonComparison.EQ;
            case NE -> PythonComparison.NE;
            case LT -> PythonComparison.LT;
            case LE -> PythonComparison.LE;
            case GT -> PythonComparison.GT;
            case GE -> PythonComparison.GE;
            default -> null;
        };
        if (op != null) {
            consumeToken();
            return op;
        }
        if (getToken().getSymbol() == Symbol.EXTENSION && "in".equals(getToken().getImage())) {
            consumeToken();
            return PythonComparison.IN;
        }
        if ("not".equals(getToken().getImage()) && "in".equals(lookahead(0).getImage())) {
            consumeToken();
            consumeToken();
            return PythonComparison.NOT_IN;
        }
        return null;
    }

    /**
     * Jinja2's {@code not}, looser than comparisons: {@code not 1 == 2} is {@code not (1 == 2)}, True, and
     * {@code not 'b' in ['a']} True. JUEL bound it as tightly as a unary minus, so the first compared False with 2
     * (an error) and the second asked whether False is in the list (False).
     */
    private AstNode not(boolean required) throws ScanException, ParseException {
        if (getToken().getSymbol() == Symbol.NOT) {
            consumeToken();
            return createAstUnary(not(true), AstUnary.NOT);
        }
        return eq(required);
    }

    /**
     * Jinja2's precedence for {@code **}: tighter than {@code * / // %}, looser than a unary minus and filters
     * ({@code 2 * 3 ** 2} is 18, {@code -2 ** 2} is 4); Jinjava parsed it at the level of {@code *}, so
     * {@code 2 * 3 ** 2} was 36. The rest is Jinjava's {@code mul} with natural operator precedence, as configured.
     */
    @Override
    protected AstNode mul(boolean required) throws ScanException, ParseException {
        AstNode v = power(required);
        if (v == null) {
            return null;
        }
        while (true) {
            Symbol symbol = getToken().getSymbol();
            if (symbol == Symbol.MUL || symbol == Symbol.DIV || symbol == Symbol.MOD) {
                consumeToken();
                AstBinary.Operator op = symbol == Symbol.MUL ? AstBinary.MUL : symbol == Symbol.DIV ? AstBinary.DIV
                        : AstBinary.MOD;
                v = createAstBinary(v, power(true), op);
            } else if (symbol == Symbol.EXTENSION && !isPower() && getExtensionHandler(getToken()) != null
                    && getExtensionHandler(getToken()).getExtensionPoint() == ExtensionPoint.MUL) {
                v = getExtensionHandler(consumeToken()).createAstNode(v, power(true));
            } else {
                return v;
            }
        }
    }

    /** Operands joined by {@code **}, left to right as in Jinja2 ({@code 2 ** 3 ** 2} is 64). */
    private AstNode power(boolean required) throws ScanException, ParseException {
        AstNode v = filter(required);
        if (v == null) {
            return null;
        }
        while (isPower()) {
            consumeToken();
            v = new AstBinary(v, filter(true), PythonArithmetic.POW);
        }
        return v;
    }

    private boolean isPower() {
        return getToken().getSymbol() == Symbol.EXTENSION && PowerOfOperator.TOKEN.getImage().equals(getToken().getImage());
    }

    /** Tests and filters whose operand may be undefined ({@link UndefinedName}, {@link MissingAttribute}). */
    private static final java.util.Set<String> TOLERANT = java.util.Set.of(EXPTEST_PREFIX + "defined",
            EXPTEST_PREFIX + "undefined", FILTER_PREFIX + "default", FILTER_PREFIX + "d");

    /** {@code x is defined} and {@code d.zz | default(...)} read an unbound name or a missing last attribute as undefined. */
    @Override
    protected AstMethod createAstMethod(AstProperty property, AstParameters params) {
        if (property instanceof AstDot && property.getChild(0) instanceof AstIdentifier name
                && TOLERANT.contains(name.getName()) && params.getCardinality() > 0) {
            java.util.List<AstNode> operands = new java.util.ArrayList<>();
            operands.add(UndefinedName.tolerant(params.getChild(0)));
            for (int i = 1; i < params.getCardinality(); i++) {
                operands.add(params.getChild(i));
            }
            params = createAstParameters(operands);
        }
        return super.createAstMethod(property, params);
    }

    /** The same for a filter chain that starts with {@code default}. */
    @Override
    protected AstFilterChain createAstFilterChain(AstNode input, java.util.List<FilterSpec> filterSpecs) {
        boolean tolerant = !filterSpecs.isEmpty() && TOLERANT.contains(FILTER_PREFIX + filterSpecs.getFirst().getName());
        return super.createAstFilterChain(tolerant ? UndefinedName.tolerant(input) : input, filterSpecs);
    }

    /**
     * Jinjava's {@code value}: a name or literal followed by attributes, calls and subscripts, with Python's extended
     * slice added ({@link PythonSlice}, {@code s[::-1]}), which Jinjava rejected. Operators after a value are parsed
     * by the levels above, as Sequor's Jinjava uses natural operator precedence.
     */
    @Override
    protected AstNode value() throws ScanException, ParseException {
        boolean lvalue = true;
        AstNode v = nonliteral();
        if (v == null) {
            v = literal();
            if (v == null) {
                return null;
            }
            lvalue = false;
        }
        while (true) {
            Symbol symbol = getToken().getSymbol();
            if (symbol == Symbol.DOT) {
                consumeToken();
                AstDot dot = createAstDot(v, consumeToken(Symbol.IDENTIFIER).getImage(), lvalue);
                v = getToken().getSymbol() == Symbol.LPAREN && context.isEnabled(Builder.Feature.METHOD_INVOCATIONS)
                        ? createAstMethod(dot, params()) : dot;
            } else if (symbol == Symbol.LBRACK) {
                consumeToken();
                AstNode property = expr(false);
                boolean strict = !context.isEnabled(Builder.Feature.NULL_PROPERTIES);
                Symbol next = consumeToken().getSymbol();
                if (next == Symbol.COLON) {
                    AstNode stop = expr(false);
                    if (getToken().getSymbol() == Symbol.COLON) {
                        consumeToken();
                        AstNode step = expr(false);
                        consumeToken(Symbol.RBRACK);
                        v = new PythonSlice(v, property, stop, step);
                    } else {
                        consumeToken(Symbol.RBRACK);
                        v = createAstRangeBracket(v, property, stop, lvalue, strict);
                    }
                } else if (next == Symbol.RBRACK) {
                    AstBracket bracket = createAstBracket(v, property, lvalue, strict);
                    v = getToken().getSymbol() == Symbol.LPAREN && context.isEnabled(Builder.Feature.METHOD_INVOCATIONS)
                            ? createAstMethod(bracket, params()) : bracket;
                } else {
                    fail(Symbol.RBRACK);
                }
            } else {
                return v;
            }
        }
    }

    /** A trailing comma is allowed, as in Jinja2 ({@code [1, 2,]}, {@code (1,)}, {@code f(a,)}). */
    @Override
    protected AstParameters params(Symbol left, Symbol right) throws ScanException, ParseException {
        consumeToken(left);
        java.util.List<AstNode> items = new java.util.ArrayList<>();
        AstNode v = expr(false);
        if (v != null) {
            items.add(v);
            while (getToken().getSymbol() == Symbol.COMMA) {
                consumeToken();
                if (getToken().getSymbol() == right) {
                    break;
                }
                items.add(expr(true));
            }
        }
        consumeToken(right);
        return createAstParameters(items);
    }

    /** {@code ()}, the empty tuple, which Jinjava's parser rejected; anything else as Jinjava parses it. */
    @Override
    protected AstNode nonliteral() throws ScanException, ParseException {
        if (getToken().getSymbol() == Symbol.LPAREN && lookahead(0).getSymbol() == Symbol.RPAREN) {
            consumeToken();
            consumeToken();
            return createAstTuple(createAstParameters(new java.util.ArrayList<>()));
        }
        return super.nonliteral();
    }

    /** A tuple literal is a {@link PythonTuple}, printed as Python prints a tuple. */
    @Override
    protected AstTuple createAstTuple(AstParameters parameters) throws ScanException, ParseException {
        return new PythonTuple.Node(parameters);
    }

    /** String literals with Python's escapes ({@link PythonScanner}). */
    @Override
    protected Scanner createScanner(String expression) {
        return new PythonScanner(expression);
    }

    /** An integer literal past 2^63 is a BigInteger, as Python's ints have no limit (Jinjava: a syntax error). */
    @Override
    protected Number parseInteger(String string) throws ParseException {
        try {
            return Long.valueOf(string);
        } catch (NumberFormatException e) {
            return new BigInteger(string);
        }
    }

    /** Python's arithmetic ({@link PythonArithmetic}), comparisons and {@code and} ({@link PythonComparison}). */
    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        return super.createAstBinary(left, right,
                PythonComparison.replacing(PythonArithmetic.replacing(operator)));
    }

    /** Calls of functions, macros (also recursive ones) and callable values ({@link PythonCall}). */
    @Override
    protected AstFunction createAstFunction(String name, int index, AstParameters params) {
        return new PythonCall(name, index, params, context.isEnabled(Builder.Feature.VARARGS));
    }

    /** The parsed expression, also binding calls of names that hold a callable value ({@link CallableNamesTree}). */
    @Override
    public Tree tree() throws ScanException, ParseException {
        return new CallableNamesTree(super.tree());
    }

    /** The expression factory Sequor's Jinjava uses: Jinjava's, with this parser. */
    static ExpressionFactoryImpl expressionFactory(TypeConverter converter) {
        return new ExpressionFactoryImpl(new Properties(), converter) {
            @Override
            protected TreeBuilder createTreeBuilder(Properties properties, Builder.Feature... features) {
                return new SyntaxBuilder(features); // Jinjava's features (method calls, varargs), no reflection
            }
        };
    }

    @Override
    protected AstNode expr(boolean required) throws ScanException, ParseException {
        AstNode v = or(required);
        if (v == null || getToken().getSymbol() != Symbol.QUESTION) {
            return v;
        }
        if (!getToken().getImage().equals("if")) {
            consumeToken();
            AstNode yes = expr(true);
            consumeToken(Symbol.COLON);
            return createAstChoice(v, yes, expr(true));
        }
        consumeToken();
        AstNode condition = expr(true);
        AstNode otherwise;
        if (getToken().getImage().equals("else")) {
            consumeToken();
            otherwise = expr(true);
        } else {
            otherwise = new AstString("");
        }
        return createAstChoice(condition, v, otherwise);
    }

    private static final class SyntaxBuilder extends ExtendedSyntaxBuilder {

        private static final long serialVersionUID = 1L;

        SyntaxBuilder(Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new PythonParser(this, expression);
        }
    }
}
