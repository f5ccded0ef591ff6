package dev.sequor.flow;

import java.util.List;

/**
 * The project's sources as the checks of a flow need them, without opening any: which names exist and what type
 * each declares. Implemented over the {@code sources/} folder by {@code run.SourceFiles}.
 */
public interface SourceCatalog {

    /** Whether {@code sources/NAME.yaml} exists. */
    boolean exists(String name);

    /** The {@code type} the source file declares, as written; null when it has none or cannot be read. */
    String declaredType(String name);

    /** Every source name, sorted. */
    List<String> names();

    /**
     * The error of http source {@code name} whose literal {@code tls.ca_file} is not a readable PEM file of
     * certificates, at the source file's {@code tls}; null when it is fine, not literal, or not there.
     */
    Diagnostics.Problem unreadableCaFile(String name);

    /**
     * The error of source file {@code name} itself that opening it would meet (unreadable YAML, no or an unknown
     * {@code type}, a key its type needs missing), at the file; null when there is none that can be known before
     * the run renders it.
     */
    Diagnostics.Problem fileProblem(String name);
}
