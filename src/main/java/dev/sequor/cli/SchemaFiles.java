package dev.sequor.cli;

import dev.sequor.flow.spec.JsonSchemas;
import dev.sequor.project.SequorHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a project keeps the JSON Schemas of its files ({@code .sequor/schema/}, inside the project so editors work
 * offline and every clone has them), and how editors are pointed at them: a {@code yaml-language-server} modeline as
 * the first line of a file, and {@code yaml.schemas} in {@code .vscode/settings.json}. Environment files, kept in
 * the Sequor home, get their schema there.
 */
final class SchemaFiles {

    /** The schemas' folder, relative to the project folder. */
    static final String DIR = ".sequor/schema";

    /** The files each schema applies to, as VS Code globs (environment files live in the home, not here). */
    private static final List<String[]> GLOBS = List.of(
            new String[] {"flow", "flows/**/*.yaml"},
            new String[] {"source", "sources/*.yaml"},
            new String[] {"project", "project.yaml"});

    private SchemaFiles() {
    }

    /** Writes every schema into {@code projectDir}'s schema folder; returns the files written. */
    static List<Path> write(Path projectDir) throws IOException {
        Path dir = projectDir.resolve(DIR);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String kind : JsonSchemas.KINDS) {
            Path file = dir.resolve(JsonSchemas.fileName(kind));
            Files.writeString(file, JsonSchemas.text(kind));
            written.add(file);
        }
        return written;
    }

    /**
     * The first line of a file of {@code kind} written {@code depth} folders below the project folder
     * ({@code flows/x.yaml}: 1): yaml-language-server resolves the path from the file.
     */
    static String modeline(String kind, int depth) {
        return "# yaml-language-server: $schema=" + "../".repeat(depth) + DIR + "/" + JsonSchemas.fileName(kind)
                + "\n";
    }

    /**
     * Writes the schema of environment files into the Sequor home ({@code <home>/env.schema.json}, beside
     * {@code envs/}: environment files live outside every project); returns the file written.
     */
    static Path writeEnvSchema(SequorHome home) throws IOException {
        Path file = home.dir().resolve(JsonSchemas.fileName("env"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, JsonSchemas.text("env"));
        return file;
    }

    /** The first line of an environment file {@code <home>/envs/NAME.yaml}: the schema is one folder up. */
    static String envModeline() {
        return "# yaml-language-server: $schema=../" + JsonSchemas.fileName("env") + "\n";
    }

    /** {@code .vscode/settings.json}: the YAML extension applies each schema to its files. */
    static String vscodeSettings() {
        StringBuilder s = new StringBuilder("{\n  \"yaml.schemas\": {\n");
        for (int i = 0; i < GLOBS.size(); i++) {
            String[] g = GLOBS.get(i);
            s.append("    \"./").append(DIR).append("/").append(JsonSchemas.fileName(g[0])).append("\": [\"")
                    .append(g[1]).append("\"]").append(i < GLOBS.size() - 1 ? "," : "").append("\n");
        }
        return s.append("  }\n}\n").toString();
    }
}
