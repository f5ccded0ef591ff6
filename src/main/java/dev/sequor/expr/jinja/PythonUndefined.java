package dev.sequor.expr.jinja;

import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * Jinja2's undefined value (StrictUndefined, as upstream), where a template can see one without failing: as the
 * operand of {@code default} and {@code is defined}/{@code is undefined} ({@link UndefinedName},
 * {@link MissingAttribute}), and from {@code first}, {@code last}, {@code min} and {@code max} of an empty sequence.
 * {@code default} replaces it (and only it, not None); printing it fails with its hint, as in Jinja2.
 */
final class PythonUndefined implements HasObjectTruthValue {

    private final String hint;

    PythonUndefined(String hint) {
        this.hint = hint;
    }

    /** The error using it gives: {@code 'x' is undefined}, {@code No first item, sequence was empty.} */
    TemplateValueException error() {
        return new TemplateValueException(hint);
    }

    /** False, as None was before: Jinja2's StrictUndefined fails here, which a render while checking must not. */
    @Override
    public boolean getObjectTruthValue() {
        return false;
    }

    /** Python's repr of an undefined value inside a printed list or dict. */
    @Override
    public String toString() {
        return "Undefined";
    }
}
