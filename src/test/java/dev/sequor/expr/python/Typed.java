package dev.sequor.expr.python;

/**
 * A generated piece of Python source with the kind of value it most likely has (so the generator can pick
 * operations that make sense for it) and its precedence (so it is parenthesized only where Python needs it).
 * The kind is a guess, not a promise: a wrong guess just makes a case that raises, which compares as well.
 */
record Typed(String code, Kind kind, int prec) {

    enum Kind { NONE, BOOL, INT, FLOAT, STR, LIST, TUPLE, DICT }

    // Python's precedence levels, lowest first
    static final int LAMBDA = 0;
    static final int IF_EXP = 1;
    static final int OR = 2;
    static final int AND = 3;
    static final int NOT = 4;
    static final int COMPARE = 5;
    static final int BIT_OR = 6;
    static final int BIT_XOR = 7;
    static final int BIT_AND = 8;
    static final int SHIFT = 9;
    static final int SUM = 10;
    static final int PRODUCT = 11;
    static final int UNARY = 12;
    static final int POWER = 13;
    /** A number literal: fine as an operand, but {@code 1.real} would not parse. */
    static final int NUMBER = 14;
    /** Names, calls, subscripts, attributes, displays, strings: can be followed by {@code .x}, {@code [i]}, {@code (...)}. */
    static final int PRIMARY = 15;

    static Typed primary(String code, Kind kind) {
        return new Typed(code, kind, PRIMARY);
    }

    /** The code, parenthesized when its precedence is below {@code min}. */
    String at(int min) {
        return prec >= min ? code : "(" + code + ")";
    }

    /** The code as the object of {@code .attr}, {@code [i]} or a call. */
    String asPrimary() {
        return at(PRIMARY);
    }

    boolean isNumber() {
        return kind == Kind.INT || kind == Kind.FLOAT || kind == Kind.BOOL;
    }

    boolean isSequence() {
        return kind == Kind.LIST || kind == Kind.TUPLE || kind == Kind.STR;
    }
}
