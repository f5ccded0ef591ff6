package dev.sequor.expr.jinja;

/**
 * A template asked for something that does not exist: an undefined name, a missing key or attribute, a method that
 * templates may not call. Carries Jinja2's wording; {@link Templates} turns it into a {@code SequorException}.
 */
final class TemplateValueException extends RuntimeException {

    private final String text;

    /**
     * Jinjava puts the message of an exception thrown in an expression into a {@code String.format} pattern, where a
     * {@code %} in it (the {@code %} operator, a key such as {@code '50%'}) made the render fail with "Conversion =";
     * so the message Jinjava sees has each {@code %} doubled, and {@link #text} is what the user reads.
     */
    TemplateValueException(String message) {
        super(message.replace("%", "%%"), null, false, false);
        this.text = message;
    }

    /** The message as written for the user. */
    String text() {
        return text;
    }

    static TemplateValueException undefined(String name) {
        return new TemplateValueException("'" + name + "' is undefined");
    }

    static TemplateValueException noAttribute(Object base, Object attribute) {
        return new TemplateValueException("'" + PythonStr.typeName(base) + " object' has no attribute '" + attribute + "'");
    }
}
