package dev.sequor.run;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.db.SourceType;
import dev.sequor.db.SourceTypes;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.DidYouMean;
import dev.sequor.flow.SourceCatalog;
import dev.sequor.flow.spec.SourceSpecs;
import dev.sequor.expr.jinja.JinjaMarkup;
import dev.sequor.http.HttpSourceConfig;
import dev.sequor.http.TlsSettings;
import dev.sequor.project.Project;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The project's {@code sources/<name>.yaml} files, read once per run. Rendering (Jinja, in the calling op's
 * context) is left to the caller because upstream renders a source where it is used.
 */
public final class SourceFiles implements SourceCatalog {

    private final Project project;
    private final Map<String, YMap> loaded = new ConcurrentHashMap<>();

    public SourceFiles(Project project) {
        this.project = project;
    }

    /** The source's YAML mapping; {@code usedAt} is where the op names it (for "not found"). */
    public YMap load(String name, SourcePos usedAt) {
        return loaded.computeIfAbsent(name, n -> read(n, usedAt));
    }

    private YMap read(String name, SourcePos usedAt) {
        Path file = project.sourceFile(name);
        if (!Files.isRegularFile(file)) {
            throw SequorException.failed(usedAt, "Source \"" + name + "\" not found: file does not exist: " + file
                    + available());
        }
        YNode root = YamlLoader.loadFile(file, project.display(file)).orElse(null);
        if (!(root instanceof YMap m)) {
            throw SequorException.invalid(new SourcePos(project.display(file), 1, 1), "A source file must be a mapping"
                    + " with a 'type' key (" + SourceTypes.allChoices() + ").");
        }
        return m;
    }

    /**
     * Warnings for top-level keys an http source file does not know (upstream ignores them silently; a typo
     * such as {@code timout_seconds} would otherwise change nothing without a word).
     */
    public static List<Diagnostics.Problem> unknownHttpKeys(YMap file) {
        List<String> known = SourceSpecs.keysOf(SourceTypes.HTTP);
        List<Diagnostics.Problem> problems = new ArrayList<>();
        for (String key : file.entries().keySet()) {
            if (!known.contains(key)) {
                problems.add(new Diagnostics.Problem(Diagnostics.Severity.WARNING, file.keyPos(key), "Unknown key '"
                        + key + "' in http source is ignored" + DidYouMean.hint(key, known) + "."));
            }
        }
        return problems;
    }

    /**
     * Warnings for top-level keys a database source file of {@code type} does not know (its {@link SourceSpecs}
     * variant, from {@link SourceType#keys()}): they change nothing, so a misspelt {@code conn_string} would otherwise
     * go unnoticed.
     */
    public static List<Diagnostics.Problem> unknownDatabaseKeys(YMap file, SourceType type) {
        List<String> known = SourceSpecs.keysOf(type.name());
        List<Diagnostics.Problem> problems = new ArrayList<>();
        for (String key : file.entries().keySet()) {
            if (!known.contains(key)) {
                problems.add(new Diagnostics.Problem(Diagnostics.Severity.WARNING, file.keyPos(key), "Unknown key '"
                        + key + "' in " + type.name() + " source is ignored" + DidYouMean.hint(key, known) + "."));
            }
        }
        return problems;
    }

    /** The declared {@code type} of a source, as written. */
    public String type(String name, SourcePos usedAt) {
        YNode t = load(name, usedAt).get("type");
        return t == null || t.toPlain() == null ? null : String.valueOf(t.toPlain());
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(project.sourceFile(name));
    }

    /** The declared type, or null when the file has none or cannot be read (reading it again reports why). */
    @Override
    public String declaredType(String name) {
        try {
            return type(name, null);
        } catch (SequorException e) {
            return null;
        }
    }

    /** Names of every source file, sorted. */
    @Override
    public List<String> names() {
        Path dir = project.sourcesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Names of the database sources (every type but http, see {@link SourceTypes}). */
    public List<String> databaseNames() {
        List<String> out = new ArrayList<>();
        for (String n : names()) {
            if (SourceTypes.isDatabase(type(n, null))) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * A literal tls.ca_file (neither it nor tls.insecure a template) is read as a run would read it, so that a
     * missing or broken one is reported before the first step, at the source file, as {@code validate} reports it.
     */
    @Override
    public Diagnostics.Problem unreadableCaFile(String name) {
        YMap file;
        TlsSettings tls;
        try {
            file = load(name, null);
            if (!(file.toPlain() instanceof Map<?, ?> plain) || !(plain.get("tls") instanceof Map<?, ?> written)
                    || written.values().stream().anyMatch(v -> v instanceof String t && JinjaMarkup.isTemplate(t))) {
                return null;
            }
            Map<String, Object> alone = new LinkedHashMap<>();
            alone.put("tls", written);
            tls = HttpSourceConfig.from(name, alone, file, project.dir()).connection().tls();
        } catch (SequorException e) {
            return null; // a file or tls settings that cannot be read are reported where they are read
        }
        if (tls.caFile() == null || tls.insecure()) {
            return null;
        }
        try {
            tls.caCertificates();
            return null;
        } catch (SequorException e) {
            return new Diagnostics.Problem(Diagnostics.Severity.ERROR, file.valuePos("tls"),
                    "Source \"" + name + "\": " + e.getMessage());
        }
    }

    /**
     * What is wrong with source file {@code name} itself, as opening it would find: YAML that does not read, no
     * mapping, no {@code type}, a type Sequor does not know, or a key its type needs missing or empty (at the file).
     * Null when none of that is so, or when the type is a template (known only once the run renders the file).
     */
    @Override
    public Diagnostics.Problem fileProblem(String name) {
        SourcePos file = new SourcePos(project.display(project.sourceFile(name)), 1, 1);
        YMap source;
        try {
            source = load(name, file);
        } catch (SequorException e) {
            return problem(e.pos() == null ? file : e.pos(), e.getMessage());
        }
        YNode typeNode = source.get("type");
        if (typeNode == null || typeNode.toPlain() == null) {
            return problem(file, "Source \"" + name + "\" has no 'type'; expected one of " + typeList() + ".");
        }
        String type = String.valueOf(typeNode.toPlain());
        if (JinjaMarkup.isTemplate(type)) {
            return null;
        }
        SourceType known = SourceTypes.named(type).orElse(null);
        if (known == null) {
            return problem(typeNode.pos(), "Unknown source type: " + type + " (expected one of " + typeList() + ").");
        }
        for (String key : known.required()) {
            YNode value = source.get(key);
            if (value == null || value.toPlain() == null || String.valueOf(value.toPlain()).isBlank()) {
                return problem(value == null ? file : value.pos(), "Source \"" + name + "\" has no '" + key
                        + "'; a " + type + " source needs one.");
            }
        }
        return null;
    }

    private static Diagnostics.Problem problem(SourcePos pos, String message) {
        return new Diagnostics.Problem(Diagnostics.Severity.ERROR, pos, message);
    }

    private static String typeList() {
        return String.join(", ", SourceTypes.names());
    }

    private String available() {
        List<String> names = names();
        return names.isEmpty() ? " (the project has no sources/ files)" : " (sources: " + String.join(", ", names) + ")";
    }
}
