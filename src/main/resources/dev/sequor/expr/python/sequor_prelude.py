# Sequor's Python prelude: evaluated once per Context, before any snippet.
# It defines the names snippets see (var, query, Row, response...) as real Python objects that delegate
# to Java callables installed by PythonRuntime, and the helpers Java uses to compile, run and convert.
# Nothing here may import json (or other heavy modules): on a cold GraalPy that alone costs seconds.


class SequorError(Exception):
    """An error raised by Sequor's own functions (var, query, Row...); its text is shown to the user as is."""


class _HostError:
    """What a Java callable returns instead of throwing, so the wrapper can raise a catchable SequorError."""
    __slots__ = ('message',)

    def __init__(self, message):
        self.message = message


def _checked(result):
    if type(result) is _HostError:
        raise SequorError(result.message)
    return result


class Row:
    """A database record: ordered columns; reading a column that does not exist is an error, like upstream."""
    __slots__ = ('_columns', '_values', '_index')

    def __init__(self, columns, values):
        self._columns = list(columns)
        self._values = list(values)
        self._index = {c: i for i, c in enumerate(self._columns)}

    def _position(self, column):
        try:
            return self._index[column]
        except (KeyError, TypeError):
            raise SequorError(f"Column '{column}' does not exist") from None

    def __getitem__(self, key):
        if type(key) is int:
            return self._values[key]
        return self._values[self._position(key)]

    def __setitem__(self, key, value):
        position = key if type(key) is int else self._position(key)
        self._values[position] = value

    def get(self, column, default=None):
        """The column's value; default replaces NULL only (a missing column is still an error)."""
        value = self._values[self._position(column)]
        return default if value is None else value

    def to_dict(self):
        return dict(zip(self._columns, self._values))

    def keys(self):
        return list(self._columns)

    def values(self):
        return list(self._values)

    def items(self):
        return list(zip(self._columns, self._values))

    def __len__(self):
        return len(self._columns)

    def __contains__(self, column):
        return column in self._index

    def __iter__(self):
        return iter(self._columns)

    def __eq__(self, other):
        return isinstance(other, Row) and self.items() == other.items()

    __hash__ = None

    def __repr__(self):
        return f"Row({self.to_dict()!r})"


class Headers:
    """Response headers: a read-only mapping with case-insensitive names (like requests' CaseInsensitiveDict)."""
    __slots__ = ('_items',)

    def __init__(self, items):
        self._items = {name.lower(): (name, value) for name, value in items}

    def __getitem__(self, name):
        return self._items[name.lower()][1]

    def get(self, name, default=None):
        entry = self._items.get(name.lower()) if isinstance(name, str) else None
        return default if entry is None else entry[1]

    def __contains__(self, name):
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self):
        return (name for name, _ in self._items.values())

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [name for name, _ in self._items.values()]

    def values(self):
        return [value for _, value in self._items.values()]

    def items(self):
        return list(self._items.values())

    def __repr__(self):
        return repr(dict(self._items.values()))


class Response:
    """Upstream 1.2's UserResponse: methods, not attributes. json() is parsed in Java and converted once."""
    __slots__ = ('_status', '_headers', '_text_loader', '_json_loader', '_text', '_json', '_json_loaded')

    def __init__(self, status, header_items, text_loader, json_loader):
        self._status = status
        self._headers = Headers(header_items)
        self._text_loader = text_loader
        self._json_loader = json_loader
        self._text = None
        self._json = None
        self._json_loaded = False

    def json(self):
        if not self._json_loaded:
            self._json = _checked(self._json_loader())
            self._json_loaded = True
        return self._json

    def text(self):
        if self._text is None:
            self._text = _checked(self._text_loader())
        return self._text

    def status_code(self):
        return self._status

    def headers(self):
        return self._headers

    def __repr__(self):
        return f"<Response [{self._status}]>"


# Java callables, set by _install(); every snippet-facing function below delegates to them.
_host = {}


def var(name):
    return _checked(_host['var'](name))


def is_var_defined(name):
    return _checked(_host['is_var_defined'](name))


def table(source, table, database=None, namespace=None):
    return _checked(_host['table'](source, table, database, namespace))


def query(source, sql):
    return _checked(_host['query'](source, sql))


def query_scalar(source, sql):
    return _checked(_host['query_scalar'](source, sql))


class _Sources:
    """context.sources: upstream's connection registry; only query() is part of the snippet API."""

    def query(self, source, sql, database_name=None, namespace_name=None):
        return query(source, sql)


class UserContext:
    """The `context` parameter of every snippet (upstream's UserContext)."""

    def __init__(self):
        self.sources = _Sources()

    var = staticmethod(var)
    is_var_defined = staticmethod(is_var_defined)
    table = staticmethod(table)
    query = staticmethod(query)
    query_scalar = staticmethod(query_scalar)


context = UserContext()


def _install(var_fn, defined_fn, table_fn, query_fn, scalar_fn):
    _host.update(var=var_fn, is_var_defined=defined_fn, table=table_fn, query=query_fn, query_scalar=scalar_fn)


def _refuse_exit(status=0):
    raise SystemExit(f"snippets cannot end the Sequor process (exit status {status})")


# os._exit would tear down the whole shared context (GraalPy reports it to Java as ThreadDeath); make it a
# SystemExit that fails the one snippet, like sys.exit() does. Only posix is loaded at start-up: os (and the ten
# modules it imports) is not, and copies posix._exit when a snippet first imports it, so patching posix is enough.
import posix as _posix
_posix._exit = _refuse_exit
del _posix


_SIGNATURE = 'def evaluate(context, is_var_defined, var, table, query, query_scalar, response):\n'


def _compile(code, key):
    """The snippet as a function, or (line inside the snippet, error text) when it does not compile.

    A single expression is returned; anything else is a function body that returns by itself (upstream's rule).
    The expression goes inside parentheses on lines of its own, so a trailing '# comment' stays harmless.
    """
    stripped = code.strip()
    try:
        compile(stripped, key, 'eval')
        source = _SIGNATURE + '    return (\n' + stripped + '\n    )\n'
    except SyntaxError:
        lines = code.rstrip().split('\n')
        source = _SIGNATURE + '\n'.join(('    ' + line) if line.strip() else line for line in lines) + '\n'
    try:
        compiled = compile(source, key, 'exec')
    except SyntaxError as e:
        compiler_line = e.lineno or 2
        if compiler_line == 1 and e.msg == 'unexpected indent':
            compiler_line = _unexpected_indent_line(source)
        line = max(1, compiler_line - 1)
        # upstream's text says SyntaxError for its subclasses too (IndentationError, TabError)
        return (line, f"SyntaxError: {e.msg}")
    namespace = {'__builtins__': __builtins__, '__name__': '__sequor_snippet__'}
    exec(compiled, namespace)
    return namespace['evaluate']


def _unexpected_indent_line(source):
    """Where an 'unexpected indent' is: GraalPy reports line 1 for it, the 'def' line we wrote ourselves.

    An indent is only expected after a line ending in ':', so the first INDENT token that follows anything else is
    the culprit. Imports tokenize lazily: this runs only for snippets that do not compile.
    """
    import io
    import tokenize
    previous = None  # the last significant token before the current logical line ended
    last = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NEWLINE:
                previous = last
            elif token.type == tokenize.INDENT:
                if previous is None or previous.string != ':':
                    return token.start[0]
            elif token.type not in (tokenize.NL, tokenize.COMMENT, tokenize.DEDENT):
                last = token
    except (SyntaxError, tokenize.TokenError):
        pass
    return 2


def _run(function, response):
    """(True, value) or (False, exception type or None for Sequor's own errors, message)."""
    try:
        return (True, function(context, is_var_defined, var, table, query, query_scalar, response))
    except SequorError as e:
        return (False, None, str(e))
    except BaseException as e:
        return (False, type(e).__name__, str(e))


# Conversion helpers called from Java (ToPython / FromPython).

_NONE = None

def _dict(keys, values):
    return dict(zip(keys, values))


def _list(values):
    return list(values)


def _row(columns, values):
    return Row(columns, values)


def _int(text):
    return int(text)


def _bytes(values):
    return bytes(b & 0xFF for b in values)


def _response(status, header_names, header_values, text_loader, json_loader):
    return Response(status, zip(header_names, header_values), text_loader, json_loader)


def _kind(value):
    """How Java should read a value that is not None, bool, str or a number."""
    if isinstance(value, Row):
        return 3
    if isinstance(value, dict):
        return 1
    if isinstance(value, (list, tuple)):
        return 2
    if isinstance(value, float):
        return 4
    if isinstance(value, int):
        return 5
    kind = _LAZY_KINDS.get((type(value).__module__, type(value).__name__))
    if kind is None:
        for cls in type(value).__mro__[1:]:  # subclasses of Decimal or of the datetime classes
            kind = _LAZY_KINDS.get((cls.__module__, cls.__name__))
            if kind is not None:
                break
    return kind or 0


def _str(value):
    return str(value)


# Decimal and datetime values (database rows hand them, as upstream's psycopg2 does) are built by these helpers,
# which import decimal and datetime on first use only: the imports cost start-up time that snippets meeting no
# such value should not pay. _kind recognises the types by name, so it never imports them either.

_LAZY_KINDS = {('decimal', 'Decimal'): 6, ('datetime', 'datetime'): 7, ('datetime', 'date'): 8,
               ('datetime', 'time'): 9}
_lazy_classes = {}


def _lazy_class(module_name, class_name):
    cls = _lazy_classes.get(class_name)
    if cls is None:
        module = __import__(module_name)
        cls = _lazy_classes[class_name] = getattr(module, class_name)
    return cls


def _decimal(text):
    return _lazy_class('decimal', 'Decimal')(text)


def _datetime(iso):
    return _lazy_class('datetime', 'datetime').fromisoformat(iso)


def _date(iso):
    return _lazy_class('datetime', 'date').fromisoformat(iso)


def _time(iso):
    return _lazy_class('datetime', 'time').fromisoformat(iso)
