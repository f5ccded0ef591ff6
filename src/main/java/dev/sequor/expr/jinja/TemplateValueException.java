package dev.sequor.expr.jinja;

/**
 * A template asked for something that does not exist: an undefined name, a missing key or attribute, a method that
 * templates may not call. Carries Jinja2's wording; {@link Templates} turns it into a {@code SequorException}.
 */
final class TemplateValueException extends RuntimeException {

    TemplateValueException(String message) {
        super(message, null, false, false);
    }

    static TemplateValueException undefined(String name) {
        return new TemplateValueException("'" + name + "' is undefined");
    }

    static TemplateValueException noAttribute(Object base, Object attribute) {
        return new TemplateValueException("'" + PythonStr.typeName(base) + " object' has no attribute '" + attribute + "'");
    }
}
