package dev.sequor.yaml;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML text into {@link YNode}s with positions, using snakeyaml-engine's node API; plain scalars get the
 * types upstream's loader for that kind of file gives them ({@link ScalarRules}: ruamel.yaml's YAML 1.2 by default,
 * PyYAML's YAML 1.1 for environment files). Syntax errors and duplicate keys become
 * {@link SequorException#invalid} at the exact place.
 */
public final class YamlLoader {

    private YamlLoader() {
    }

    /** Loads a file; {@code displayName} is how the file is named in messages (usually relative to the project). */
    public static Optional<YNode> loadFile(Path file, String displayName) {
        return loadFile(file, displayName, ScalarRules.RUAMEL);
    }

    /** Loads a file whose plain scalars follow {@code rules}. */
    public static Optional<YNode> loadFile(Path file, String displayName, ScalarRules rules) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SequorException.invalid(null, "File does not exist: " + file);
        } catch (IOException e) {
            throw SequorException.invalid(null, "Cannot read " + file + ": " + e.getMessage());
        }
        return load(text, displayName, rules);
    }

    /** Parses the first YAML document of {@code text}; empty when the text has no document (empty file). */
    /** The largest YAML file Sequor reads, in characters: snakeyaml-engine's default limit, 3 MiB. */
    public static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

    public static Optional<YNode> load(String text, String displayName) {
        return load(text, displayName, ScalarRules.RUAMEL);
    }

    /** As {@link #load(String, String)}, with the plain scalars typed by {@code rules}. */
    public static Optional<YNode> load(String text, String displayName, ScalarRules rules) {
        // checked before parsing: the YAML reader's own check comes only after it has scanned the text, which for
        // one long line takes minutes
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw SequorException.invalid(new SourcePos(displayName, 1, 1), "The file has "
                    + text.codePointCount(0, text.length()) + " characters; Sequor reads YAML files of at most "
                    + MAX_CODE_POINTS + " characters (3 MiB).");
        }
        LoadSettings settings = LoadSettings.builder().setSchema(rules.schema()).setLabel(displayName)
                .setAllowDuplicateKeys(true).build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            return root.map(n -> convert(n, displayName, rules));
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            SourcePos pos = m == null ? new SourcePos(displayName, 1, 1) : pos(displayName, m);
            String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
            String context = e.getContext() == null ? "" : " " + e.getContext();
            throw SequorException.invalid(pos, "Malformed YAML: " + problem + context + ".");
        } catch (YamlEngineException e) {
            throw SequorException.invalid(new SourcePos(displayName, 1, 1), "Malformed YAML: " + e.getMessage());
        }
    }

    private static SourcePos pos(String file, Mark m) {
        return new SourcePos(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static SourcePos pos(String file, Node n) {
        return n.getStartMark().map(m -> pos(file, m)).orElse(new SourcePos(file, 1, 1));
    }

    private static YNode convert(Node node, String file, ScalarRules rules) {
        SourcePos p = pos(file, node);
        if (node instanceof MappingNode map) {
            LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
            Map<String, SourcePos> keyPos = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                Node keyNode = t.getKeyNode();
                if (!(keyNode instanceof ScalarNode sk)) {
                    throw SequorException.invalid(pos(file, keyNode), "Malformed YAML: a mapping key must be a plain value, not "
                            + (keyNode instanceof MappingNode ? "a mapping" : "a list") + ".");
                }
                String key = sk.getValue();
                if (entries.containsKey(key)) {
                    throw SequorException.invalid(pos(file, keyNode), "Duplicate key '" + key + "' (first written at line "
                            + keyPos.get(key).line() + "); each key may appear once in a mapping.");
                }
                entries.put(key, convert(t.getValueNode(), file, rules));
                keyPos.put(key, pos(file, keyNode));
            }
            return new YNode.YMap(p, entries, keyPos);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>(seq.getValue().size());
            for (Node n : seq.getValue()) {
                items.add(convert(n, file, rules));
            }
            return new YNode.YList(p, items);
        }
        ScalarNode s = (ScalarNode) node;
        return new YNode.YScalar(p, scalarValue(s, rules));
    }

    private static Object scalarValue(ScalarNode s, ScalarRules rules) {
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return rules.bool(v);
            }
            if (Tag.INT.equals(tag)) {
                return rules.integer(v);
            }
            if (Tag.FLOAT.equals(tag)) {
                return rules.floating(v);
            }
        } catch (NumberFormatException e) {
            return v; // out-of-range numbers stay text rather than failing the load
        }
        return v;
    }
}
