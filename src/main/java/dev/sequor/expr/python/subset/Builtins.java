package dev.sequor.expr.python.subset;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The builtins snippets see: functions ({@link BuiltinFunctions}), types ({@link PyTypes}) and exception classes.
 * A snippet that names a Python builtin the evaluator does not provide ({@code open}, {@code eval}...) goes to
 * GraalPy, decided at compile time.
 */
final class Builtins {

    private static final Map<String, Object> TABLE = new HashMap<>();

    /** Every name in CPython 3.12's builtins module. */
    private static final Set<String> PYTHON_BUILTINS = Set.of("ArithmeticError", "AssertionError", "AttributeError",
            "BaseException", "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning",
            "ChildProcessError", "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
            "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
            "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError",
            "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
            "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
            "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
            "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
            "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
            "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
            "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
            "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
            "ValueError", "Warning", "ZeroDivisionError", "__build_class__", "__debug__", "__doc__", "__import__",
            "__loader__", "__name__", "__package__", "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin",
            "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
            "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter",
            "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input",
            "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview",
            "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr",
            "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple",
            "type", "vars", "zip");

    static {
        TABLE.putAll(PyExcType.builtins());
        PyTypes.register(TABLE);
        BuiltinFunctions.register(TABLE);
    }

    private Builtins() {
    }

    /** The builtin's value, or null when the evaluator has none by that name. */
    static Object lookup(String name) {
        return TABLE.get(name);
    }

    static boolean isPythonBuiltin(String name) {
        return PYTHON_BUILTINS.contains(name);
    }

    /** {@code ascii(v)}: repr with every non-ASCII character escaped. */
    static String ascii(Object v) {
        String r = Py.repr(v);
        StringBuilder sb = new StringBuilder(r.length());
        for (int i = 0; i < r.length(); ) {
            int cp = r.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                sb.append((char) cp);
            } else {
                Strs.appendEscape(sb, cp);
            }
        }
        return sb.toString();
    }
}
