package dev.sequor.expr.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every Python snippet written in the repository: the values of YAML keys ending in {@code _expression}, at any
 * depth (a {@code page_expression} under {@code parameters}, a {@code next_page_expression} under
 * {@code variables}...), in flow files and in the YAML code blocks of Markdown files.
 */
final class RepositorySnippets {

    /** One snippet: where it was found ({@code file: key.path}), its key and its code. */
    record Found(String where, String key, String code) {
    }

    private static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);

    private final List<Found> found = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    /** The snippets of every .yaml/.yml file under {@code dir} (nothing when it does not exist). */
    RepositorySnippets scanYamlTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return this;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .forEach(p -> scanYaml(p.toString(), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The snippets of the ```yaml code blocks of every .md file directly in {@code dir}. */
    RepositorySnippets scanMarkdownDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            return this;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> {
                Matcher m = YAML_BLOCK.matcher(read(p));
                for (int block = 1; m.find(); block++) {
                    scanYaml(p + " (yaml block " + block + ")", m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    List<Found> found() {
        return found;
    }

    /** Files that are not valid YAML (some golden cases are broken on purpose), with the parser's complaint. */
    List<String> unreadable() {
        return unreadable;
    }

    private void scanYaml(String where, String text) {
        try {
            Load load = new Load(LoadSettings.builder().build());
            for (Object document : load.loadAllFromString(text)) {
                walk(where, "", document);
            }
        } catch (RuntimeException e) {
            unreadable.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void walk(String where, String path, Object node) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String keyPath = path.isEmpty() ? key : path + "." + key;
                if (key.endsWith("_expression") && e.getValue() instanceof String code) {
                    found.add(new Found(where + ": " + keyPath, key, code));
                } else {
                    walk(where, keyPath, e.getValue());
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(where, path + "[" + i + "]", list.get(i));
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
