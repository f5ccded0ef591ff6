package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Python's {@code + - * / // %} in templates ({@link PythonArithmetic}); every expected text is Jinja2 3.1.6's, and
 * every expected error is the message of the TypeError or ZeroDivisionError Jinja2 raises.
 */
class OperatorsTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    void fails(String text, String message) {
        assertThatThrownBy(() -> render(text)).as(text).hasMessage("Error rendering Jinja template: " + message);
    }

    @Test
    void aStringOrAListTimesAnIntegerRepeatsIt() {
        // Jinjava: '5' * 2 was 10, and the others were errors
        assertThat(render("{{ '5' * 2 }}|{{ 2 * 'ab' }}|{{ 'a' * 0 }}|{{ 'ab' * -3 }}|{{ 'ab' * true }}|{{ 3 * 3 * 'a' }}"))
                .isEqualTo("55|abab|||ab|aaaaaaaaa");
        assertThat(render("{{ [1] * 2 }}|{{ 3 * [0] }}|{{ [1, 'a'] * 2 }}|{{ [1, 2] * 0 }}")).isEqualTo("[1, 1]|[0, 0, 0]|[1, 'a', 1, 'a']|[]");
        fails("{{ 'ab' * 1.5 }}", "can't multiply sequence by non-int of type 'float'");
        fails("{{ '5' * '2' }}", "can't multiply sequence by non-int of type 'str'");
        fails("{{ none * 2 }}", "unsupported operand type(s) for *: 'NoneType' and 'int'");
    }

    @Test
    void stringsAreNotNumbers() {
        // Jinjava: '5' + 2 was '52', '5' - 2 was 3, '6' / 2 was 3.0, 'a' + none was 'anull', none + 1 was 1
        fails("{{ '5' + 2 }}", "can only concatenate str (not \"int\") to str");
        fails("{{ 1 + '5' }}", "unsupported operand type(s) for +: 'int' and 'str'");
        fails("{{ 'a' + none }}", "can only concatenate str (not \"NoneType\") to str");
        fails("{{ none + 1 }}", "unsupported operand type(s) for +: 'NoneType' and 'int'");
        fails("{{ '5' - 2 }}", "unsupported operand type(s) for -: 'str' and 'int'");
        fails("{{ '6' / 2 }}", "unsupported operand type(s) for /: 'str' and 'int'");
        fails("{{ '6' // 2 }}", "unsupported operand type(s) for //: 'str' and 'int'");
        fails("{{ none % 2 }}", "unsupported operand type(s) for %: 'NoneType' and 'int'");
        // Jinjava: [1] + 2 was [1, 2] and dicts were merged
        fails("{{ [1] + 2 }}", "can only concatenate list (not \"int\") to list");
        fails("{{ {'a': 1} + {'b': 2} }}", "unsupported operand type(s) for +: 'dict' and 'dict'");
        assertThat(render("{{ 'a' + 'b' }}|{{ [1, 2] + [3] }}|{{ 1 + true }}|{{ 10 - true }}")).isEqualTo("ab|[1, 2, 3]|2|9");
    }

    @Test
    void divisionByZeroFails() {
        // Jinjava: 7 / 0 printed inf, 7.5 // 0 inf and 7.5 % 0 nan
        fails("{{ 7 / 0 }}", "division by zero");
        fails("{{ 7.0 / 0 }}", "float division by zero");
        fails("{{ 7 / 0.0 }}", "float division by zero");
        fails("{{ 7 // 0 }}", "integer division or modulo by zero");
        fails("{{ 7.5 // 0 }}", "float floor division by zero");
        fails("{{ 7 % 0 }}", "integer modulo by zero");
        fails("{{ 7.5 % 0 }}", "float modulo");
    }

    @Test
    void moduloAndFloorDivisionFollowTheDivisorsSign() {
        // Jinjava: -7 % 3 was -1
        assertThat(render("{{ -7 % 3 }}|{{ 7 % -3 }}|{{ -7.5 % 2 }}|{{ 7.5 % -2 }}|{{ 6 % -3.0 }}|{{ 10 % 3 }}"))
                .isEqualTo("2|-2|0.5|-0.5|-0.0|1");
        assertThat(render("{{ -7 // 2 }}|{{ -7.5 // 2 }}|{{ 7 // 2.0 }}|{{ 7 / 2 }}|{{ 6 / 3 }}")).isEqualTo("-4|-4.0|3.0|3.5|2.0");
    }

    @Test
    void powersAreExactForIntegersAndFloatsForNegativeExponents() {
        // Jinjava: 2 ** -1 was 0, 10 ** 20 and 0 ** -1 were 9223372036854775807
        assertThat(render("{{ 2 ** -1 }}|{{ 2 ** 0.5 }}|{{ 2.0 ** 2 }}|{{ (-8) ** 2 }}|{{ 0 ** 0 }}|{{ (-1) ** 3 }}|{{ true ** 2 }}"))
                .isEqualTo("0.5|1.4142135623730951|4.0|64|1|-1|1");
        assertThat(render("{{ 10 ** 20 }}|{{ 10 ** 20 + 1 }}|{{ 2 ** 64 // 3 }}|{{ 2 ** 3 ** 2 }}|{{ -2 ** 2 }}"))
                .isEqualTo("100000000000000000000|100000000000000000001|6148914691236517205|64|4");
        fails("{{ 0 ** -1 }}", "0.0 cannot be raised to a negative power");
        fails("{{ 'a' ** 2 }}", "unsupported operand type(s) for ** or pow(): 'str' and 'int'");
        fails("{{ 10.0 ** 400 }}", "(34, 'Numerical result out of range')");
        // Jinja2 gives a complex number, which templates here do not have
        fails("{{ (-8) ** 0.5 }}", "a negative number to a fractional power is a complex number, which templates do not have");
    }

    @Test
    void powerBindsTighterThanMultiplication() {
        // Jinjava parsed ** at the level of *: 2 * 3 ** 2 was 36
        assertThat(render("{{ 2 * 3 ** 2 }}|{{ 10 % 3 ** 2 }}|{{ (2 ** 70) // 2 ** 69 }}|{{ 2 ** 2 * 3 }}|{{ -3 ** 2 }}|{{ 2 ** -2 ** 2 }}|{{ [1,2] | length ** 2 }}"))
                .isEqualTo("18|1|2|12|9|0.0625|4");
        // a filter binds to the operand before it
        fails("{{ 2 ** 2 | string }}", "unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    }

    @Test
    void notBindsLooserThanComparisons() {
        // Jinjava: not 1 == 2 compared False with 2 ("Cannot coerce"), not 2 ** 0 was 1
        assertThat(render("{{ not 1 == 2 }}|{{ not 'b' in ['a'] }}|{{ not 'a' in ['a'] }}|{{ not 2 ** 0 }}|{{ not 1 < 2 }}|{{ not 1 + 1 }}"))
                .isEqualTo("True|True|False|False|False|False");
        assertThat(render("{{ not true and false }}|{{ not false or false }}|{{ not not true }}|{{ 1 == 1 and not 2 == 3 }}|{{ not none is none }}|{{ [not true] }}"))
                .isEqualTo("False|True|True|True|False|[False]");
        assertThat(render("{% for i in [1,2] %}{% if not loop.index == 1 %}x{{ i }}{% endif %}{% endfor %}")).isEqualTo("x2");
    }

    @Test
    void comparisonsDoNotCoerce() {
        // Jinjava: 7 == '7' was True, '10' < 9 compared numbers
        assertThat(render("{{ 7 == '7' }}|{{ 7 != '7' }}|{{ 1 == 1.0 }}|{{ true == 1 }}|{{ none == none }}|{{ none == 0 }}|{{ 2 ** 70 == 2 ** 70 }}"))
                .isEqualTo("False|True|True|True|True|False|True");
        assertThat(render("{{ [1, 2] == [1, 2] }}|{{ [1, 2] == (1, 2) }}|{{ {'a': 1} == {'a': 1.0} }}|{{ 9007199254740993 == 9007199254740992.0 }}|{{ [1] != [1] }}"))
                .isEqualTo("True|False|True|False|False");
        assertThat(render("{{ 'a' < 'b' }}|{{ [1, 2] < [1, 3] }}|{{ 1 < 2.5 }}|{{ 2 >= 2 }}|{{ 'B' > 'a' }}")).isEqualTo("True|True|True|True|False");
        assertThat(render("{% for k, v in {'a': 1} | dictsort %}{{ (k, v) == ('a', 1) }}{% endfor %}")).isEqualTo("True");
        fails("{{ '10' < 9 }}", "'<' not supported between instances of 'str' and 'int'");
        fails("{{ none < 1 }}", "'<' not supported between instances of 'NoneType' and 'int'");
        fails("{{ [1, 'a'] < [1, 2] }}", "'<' not supported between instances of 'str' and 'int'");
    }

    @Test
    void comparisonsChainAndInLooksForAnEqualItem() {
        // Jinjava: 1 < 2 < 3 was a syntax error, 2 == 2 == 2 False, '1' in [1] True
        assertThat(render("{{ 1 < 2 < 3 }}|{{ 3 > 2 > 1 }}|{{ 2 == 2 == 2 }}|{{ 1 < 3 < 2 }}|{% set x = 5 %}{{ 0 < x <= 5 }}{{ 0 < x < 5 }}|{{ 1 == 1 != 2 }}|{{ 3 < 2 < 'a' }}"))
                .isEqualTo("True|True|True|False|TrueFalse|True|False");
        assertThat(render("{{ 'a' in 'abc' }}|{{ 'd' not in 'abc' }}|{{ '1' in [1] }}|{{ 1 in [1.0] }}|{{ true in [1] }}|{{ 'k' in {'k': 1} }}|{{ [1] in [[1], 2] }}|{{ 1 in [1] == true }}|{{ none in [none] }}"))
                .isEqualTo("True|True|False|True|True|True|True|False|True");
        fails("{{ 1 in 'abc' }}", "'in <string>' requires string as left operand, not int");
        fails("{{ 1 in none }}", "argument of type 'NoneType' is not iterable");
        fails("{{ 1 < 2 < 'a' }}", "'<' not supported between instances of 'int' and 'str'");
    }

    @Test
    void inAndSequenceTestsArePythons() {
        // Jinjava: 'x' is in 'xyz' failed (a list was required) and 'abc' is sequence was False
        assertThat(render("{{ 'abc' is sequence }}{{ {} is sequence }}{{ 1 is sequence }}{{ none is sequence }}{{ [1] is sequence }}"))
                .isEqualTo("TrueTrueFalseFalseTrue");
        assertThat(render("{{ 'x' is in 'xyz' }}{{ 1 is in [1.0] }}{{ 'a' is in {'a': 1} }}{{ 'z' is not in ['a'] }}|{{ [1, 2, 3] | select('in', [2, 3]) | list }}"))
                .isEqualTo("TrueTrueTrueTrue|[2, 3]");
        fails("{{ 1 is in 'abc' }}", "'in <string>' requires string as left operand, not int");
    }

    @Test
    void andGivesAnOperand() {
        // Jinjava: 1 and 'yes' was True
        assertThat(render("{{ 1 and 'yes' }}|{{ 0 and 'yes' }}|{{ '' and 'yes' }}|{{ [] and 1 }}|{{ none and 1 }}|{{ 1 and 2 and 3 }}|{{ 0 or 'x' }}"))
                .isEqualTo("yes|0||[]|None|3|x");
        assertThat(render("{% if 1 and 0 %}y{% else %}n{% endif %}|{% set x = 5 %}{{ x > 3 and x < 10 }}")).isEqualTo("n|True");
    }

    @Test
    void integersDoNotOverflow() {
        // Jinjava: 9223372036854775807 + 1 was -9223372036854775808, and a literal past 2^63 a syntax error
        assertThat(render("{{ 9223372036854775807 + 1 }}|{{ 9223372036854775807 * 2 }}|{{ -9223372036854775807 - 10 }}"))
                .isEqualTo("9223372036854775808|18446744073709551614|-9223372036854775817");
        assertThat(render("{{ 100000000000000000000 }}|{{ 100000000000000000000 - 100000000000000000000 + 1 }}|{{ (2 ** 100) % 7 }}|{{ 2 ** 100 > 5 }}"))
                .isEqualTo("100000000000000000000|1|2|True");
        assertThat(render("{{ 2 ** 100 / 2 }}|{{ 1 / 3 }}|{{ 9007199254740993 / 1 }}|{{ [2 ** 70, 1] | sum }}"))
                .isEqualTo("6.338253001141147e+29|0.3333333333333333|9007199254740992.0|1180591620717411303425");
        fails("{{ 10 ** 400 / 1 }}", "integer division result too large for a float");
    }

    @Test
    void strFormatIsPythons() {
        // Jinjava: "'str object' has no attribute 'format'"
        assertThat(render("{{ '{}'.format(1) }}|{{ '{}-{}'.format('a', 2) }}|{{ '{name}!'.format(name='x') }}|{{ '{:05.1f}'.format(3.14159) }}|{{ '{}'.format((1, 2)) }}"))
                .isEqualTo("1|a-2|x!|003.1|(1, 2)");
        assertThat(render("{{ '{}'.format(none) }}|{{ '{0}{0}'.format('ab') }}|{{ '{:>5}|'.format('a') }}|{{ '{a[b]}'.format(a={'b': 7}) }}|{{ '{:,}'.format(1234567) }}"))
                .isEqualTo("None|abab|    a||7|1,234,567");
        fails("{{ '{}'.format() }}", "Replacement index 0 out of range for positional args tuple");
    }

    @Test
    void percentFormatsAString() {
        // Jinjava: '5' % 2 was 1, '%d' % 5 failed with "Conversion = ' '"
        assertThat(render("{{ '%05d' % 42 }}|{{ '%s-%s' % (1, 'a') }}|{{ '%s' % [1, 2] }}|{{ '%(a)s!' % {'a': 1} }}|{{ '%.2f' % 3.14159 }}"))
                .isEqualTo("00042|1-a|[1, 2]|1!|3.14");
        assertThat(render("{{ '%s and %s' % (none, true) }}|{{ '%r' % 'a' }}|{{ '%x' % 255 }}|{{ '%5.1f%%' % 12.345 }}|{{ '%s' % (2 ** 70) }}"))
                .isEqualTo("None and True|'a'|ff| 12.3%|1180591620717411303424");
        fails("{{ 'x' % 5 }}", "not all arguments converted during string formatting");
        fails("{{ '%d' % 'a' }}", "%d format: a real number is required, not str");
        // a % in any template error's message no longer breaks it (Jinjava used the message as a format pattern)
        fails("{% set d = {'a': 1} %}{{ d['50%'] }}", "'dict object' has no attribute '50%'");
    }
}
