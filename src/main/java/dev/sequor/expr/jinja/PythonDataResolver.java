package dev.sequor.expr.jinja;

import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.Namespace;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;
import dev.sequor.db.Row;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * How templates reach into flow values (maps, rows, lists, strings, numbers), placed in front of Jinjava's own
 * resolvers. It gives Python semantics where Jinja2 users rely on them: a missing key or attribute is an error, not
 * an empty string; {@code row.get('x', 'dflt')}, {@code d.items()} and a few str methods work. It is also the
 * sandbox: on flow values only the Python methods listed here can be called, never arbitrary Java methods such as
 * {@code getClass()}. Jinjava's own objects (filters, tests, {@code loop}, macros) are left to Jinjava.
 */
final class PythonDataResolver extends ELResolver {

    private static final Set<String> DICT_METHODS = Set.of("get", "items", "keys", "values");
    private static final Set<String> ROW_METHODS = Set.of("get", "items", "keys", "values", "to_dict");
    private static final Set<String> LIST_METHODS = Set.of("append", "extend", "insert", "pop", "count", "index",
            "reverse", "copy");
    /** Python's str methods; those {@link StrMethods} does not write itself are the Python subset's. */
    private static final Set<String> STR_METHODS = Set.of("upper", "lower", "strip", "startswith", "endswith",
            "replace", "split", "format", "capitalize", "casefold", "center", "count", "encode", "expandtabs", "find",
            "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
            "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lstrip", "partition",
            "removeprefix", "removesuffix", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "splitlines",
            "swapcase", "title", "zfill");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Object data = unwrap(base);
        if (data == null || isJinjavaObject(data)) {
            return null;
        }
        context.setPropertyResolved(true);
        if (data instanceof Row row) {
            return rowValue(row, property);
        }
        if (data instanceof Map<?, ?> map) {
            if (base instanceof Namespace ns && !map.containsKey(String.valueOf(property))) {
                throw TemplateValueException.noAttribute(ns, property);
            }
            return mapValue(map, property);
        }
        if (data instanceof List<?> list) {
            return listValue(list, property);
        }
        if (data instanceof RuntimeObject object) {
            return object.attribute(String.valueOf(property));
        }
        if (data instanceof String && STR_METHODS.contains(String.valueOf(property))) {
            return null; // a method call follows; see invoke
        }
        if (data instanceof String text && !(property instanceof Boolean)) {
            Long index = property instanceof Number n ? Long.valueOf(n.longValue()) : parseIndex(property);
            if (index != null) {
                // s[i] by code point, from the end when negative, as Python indexes a str
                List<Object> chars = PythonItems.of(text);
                long i = index < 0 ? chars.size() + index : index;
                if (i < 0 || i >= chars.size()) {
                    throw new TemplateValueException("str object has no element " + index);
                }
                return chars.get((int) i);
            }
        }
        throw TemplateValueException.noAttribute(data, property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        Object data = unwrap(base);
        if (data == null) {
            return null;
        }
        String name = String.valueOf(method);
        Object[] args = params == null ? new Object[0] : params;
        Object result;
        if (data instanceof RuntimeObject object) {
            result = object.callMethod(name, args);
        } else if (data instanceof Row row && ROW_METHODS.contains(name)) {
            result = rowMethod(row, name, args);
        } else if (data instanceof Map<?, ?> map && !(data instanceof Row) && DICT_METHODS.contains(name)) {
            result = dictMethod(map, name, args);
        } else if (data instanceof String s && STR_METHODS.contains(name)) {
            result = StrMethods.call(s, name, args);
        } else if (data instanceof List<?> && LIST_METHODS.contains(name) || isJinjavaObject(data)) {
            // Jinjava's PyList methods, filters, tests, loop and macros: Jinjava's own, safe to call
            return null;
        } else {
            throw TemplateValueException.noAttribute(data, name);
        }
        context.setPropertyResolved(true);
        return result;
    }

    private static Object rowValue(Row row, Object property) {
        if (property instanceof Number n) {
            return row.get(n.intValue());
        }
        if (!row.containsKey(property) && ROW_METHODS.contains(String.valueOf(property))) {
            return null; // a method call follows; see invoke
        }
        return row.get(property);
    }

    private static Object mapValue(Map<?, ?> map, Object property) {
        if (map.containsKey(property)) {
            return map.get(property);
        }
        String key = String.valueOf(property);
        if (map.containsKey(key)) {
            return map.get(key);
        }
        if (DICT_METHODS.contains(key)) {
            return null; // a method call follows; see invoke
        }
        throw TemplateValueException.noAttribute(map, key);
    }

    private static Object listValue(List<?> list, Object property) {
        Long index = property instanceof Number n ? Long.valueOf(n.longValue()) : parseIndex(property);
        if (index == null) {
            if (LIST_METHODS.contains(String.valueOf(property))) {
                return null; // a method call follows; Jinjava's PyList implements it
            }
            throw TemplateValueException.noAttribute(list, property);
        }
        long i = index < 0 ? list.size() + index : index;
        if (i < 0 || i >= list.size()) {
            throw new TemplateValueException("list object has no element " + index);
        }
        return list.get((int) i);
    }

    private static Long parseIndex(Object property) {
        try {
            return Long.valueOf(String.valueOf(property));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object rowMethod(Row row, String name, Object[] args) {
        return switch (name) {
            case "get" -> {
                requireArgs("get", args, 1, 2);
                yield args.length == 1 ? row.get(args[0]) : row.get(args[0], args[1]);
            }
            case "to_dict" -> row.toDict();
            default -> dictMethod(row, name, args);
        };
    }

    private static Object dictMethod(Map<?, ?> map, String name, Object[] args) {
        switch (name) {
            case "get":
                requireArgs("get", args, 1, 2);
                return map.containsKey(args[0]) ? map.get(args[0]) : args.length == 2 ? args[1] : null;
            case "keys":
                requireArgs(name, args, 0, 0);
                return new ArrayList<>(map.keySet());
            case "values":
                requireArgs(name, args, 0, 0);
                return new ArrayList<>(map.values());
            default:
                requireArgs(name, args, 0, 0);
                return new ArrayList<>(map.entrySet());
        }
    }

    static void requireArgs(String method, Object[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            String expected = min == max ? String.valueOf(min) : min + " to " + max;
            throw new TemplateValueException(method + "() takes " + expected + " arguments, " + args.length + " given");
        }
    }

    private static Object unwrap(Object base) {
        if (base instanceof PyMap m) {
            return m.toMap();
        }
        if (base instanceof PyList l) {
            return l.toList();
        }
        return base;
    }

    /** Jinjava's own objects and the filters and tests registered with it (ours included). */
    private static boolean isJinjavaObject(Object o) {
        return o.getClass().getName().startsWith("com.hubspot.jinjava.") || o instanceof Filter || o instanceof ExpTest;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: templates never write into flow values
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}
