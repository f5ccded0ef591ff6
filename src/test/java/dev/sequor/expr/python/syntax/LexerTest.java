package dev.sequor.expr.python.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sequor.expr.python.syntax.Lexer.Mode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexerTest {

    /** Tokens as {@code text@line}, layout tokens by kind. */
    private static String tokens(String src, Mode mode) {
        List<Token> tokens = Lexer.tokenize(src, mode, 1);
        return tokens.stream().map(t -> switch (t.kind()) {
            case NAME, OP -> t.text() + "@" + t.line();
            case NUMBER -> t.value() + "@" + t.line();
            case STRING -> "'" + ((StringLiterals.Piece) t.value()).text() + "'@" + t.line();
            default -> t.kind().name();
        }).collect(Collectors.joining(" "));
    }

    @Test
    void indentationBecomesIndentAndDedentTokens() {
        assertEquals("if@1 x@1 :@1 NEWLINE INDENT y@2 NEWLINE if@3 z@3 :@3 NEWLINE INDENT pass@4 NEWLINE DEDENT DEDENT "
                        + "w@5 NEWLINE END",
                tokens("if x:\n  y\n  if z:\n      pass\nw", Mode.BODY));
    }

    @Test
    void theFirstLineSetsTheBaseIndentationOfABody() {
        assertEquals("a@1 NEWLINE b@2 NEWLINE END", tokens("    a\n    b", Mode.BODY));
        InvalidSyntax e = assertThrows(InvalidSyntax.class, () -> Lexer.tokenize("    a\n  b", Mode.BODY, 1));
        assertEquals("unindent does not match any outer indentation level", e.getMessage());
    }

    @Test
    void blankAndCommentLinesDoNotCount() {
        assertEquals("a@3 NEWLINE b@6 NEWLINE END", tokens("\n   # c\na  # d\n\n        # e\nb\n", Mode.BODY));
    }

    @Test
    void linesJoinInsideBracketsAndAfterABackslash() {
        assertEquals("x@1 =@1 (@1 1@1 ,@2 2@3 )@3 +@3 3@4 NEWLINE END", tokens("x = (1\n, # one\n  2) + \\\n3", Mode.BODY));
    }

    @Test
    void semicolonsAreOperatorsBetweenStatements() {
        assertEquals("a@1 ;@1 b@1 ;@1 NEWLINE END", tokens("a; b;", Mode.BODY));
    }

    @Test
    void operatorsTakeTheLongestMatch() {
        assertEquals("**=@1 **@1 *@1 //=@1 //@1 /@1 <<=@1 <=@1 <@1 >>@1 !=@1 ==@1 =@1 ->@1 .@1 ...@1 NEWLINE END",
                tokens("**= ** * //= // / <<= <= < >> != == = -> . ...", Mode.EXPRESSION));
    }

    @Test
    void numbers() {
        assertEquals("255@1 255@1 8@1 5@1 1000@1 0.5@1 5.0@1 100000.0@1 NEWLINE END",
                tokens("0xff 0XF_F 0o10 0b101 1_000 .5 5. 1e5", Mode.EXPRESSION));
    }

    @Test
    void namesRightBeforeAQuoteArePrefixesOnlyWhenTheyAreStringPrefixes() {
        assertEquals("'a'@1 'a'@1 'a'@1 ur@1 'a'@1 NEWLINE END", tokens("rb'a' U'a' F'a' ur'a'", Mode.EXPRESSION));
    }

    @Test
    void aMultiLineStringIsOneTokenOnItsFirstLine() {
        assertEquals("x@1 =@1 'a\nb'@1 NEWLINE y@3 NEWLINE END", tokens("x = '''a\nb'''\ny", Mode.EXPRESSION));
    }

    @Test
    void inABodyContinuationLinesOfStringsGainFourSpacesUnlessBlank() {
        assertEquals("x@1 =@1 'a\n    b\n\n     c'@1 NEWLINE END", tokens("x = '''a\nb\n\n c'''", Mode.BODY));
    }

    @Test
    void anFStringExpressionJoinsLinesAsIfInParentheses() {
        assertEquals("a@1 +@2 b@3 END", tokens("a\n+\nb", Mode.FSTRING_EXPRESSION));
    }

    @Test
    void unclosedBracketsAndUnterminatedStringsAreSyntaxErrors() {
        assertEquals("'(' was never closed", assertThrows(InvalidSyntax.class,
                () -> Lexer.tokenize("f(a,\n b", Mode.EXPRESSION, 1)).getMessage());
        assertEquals("unterminated string literal", assertThrows(InvalidSyntax.class,
                () -> Lexer.tokenize("'abc", Mode.EXPRESSION, 1)).getMessage());
        assertEquals("closing parenthesis ']' does not match opening parenthesis '('", assertThrows(InvalidSyntax.class,
                () -> Lexer.tokenize("(]", Mode.EXPRESSION, 1)).getMessage());
    }
}
