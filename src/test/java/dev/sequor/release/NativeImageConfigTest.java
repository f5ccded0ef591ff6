package dev.sequor.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The native executable's configuration (META-INF/native-image/dev.sequor/sequor, application.properties, pom.xml's
 * duckdb-* profiles), checked against the libraries it is for, since no native build runs here: what it names
 * exists in the versions on the class path, and it names what those versions use through reflection and JNI.
 * native/README.md says why each part is there.
 */
class NativeImageConfigTest {

    private static final Path CONFIG = Path.of("src/main/resources/META-INF/native-image/dev.sequor/sequor");

    private static Map<String, JsonNode> entries(String file) throws IOException {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode e : new ObjectMapper().readTree(CONFIG.resolve(file).toFile())) {
            assertThat(byName.put(e.get("name").asText(), e)).as(file + " names " + e.get("name") + " once").isNull();
        }
        return byName;
    }

    private static Class<?> load(String typeName) throws ClassNotFoundException {
        return switch (typeName) {
            case "byte[]" -> byte[].class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "boolean" -> boolean.class;
            case "double" -> double.class;
            default -> typeName.endsWith("[]")
                    ? load(typeName.substring(0, typeName.length() - 2)).arrayType()
                    : Class.forName(typeName, false, NativeImageConfigTest.class.getClassLoader());
        };
    }

    @Test
    void everyClassAndMethodTheConfigurationNamesExists() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String file : List.of("reflect-config.json", "jni-config.json")) {
            for (JsonNode e : entries(file).values()) {
                Class<?> c;
                try {
                    c = load(e.get("name").asText());
                } catch (ClassNotFoundException ex) {
                    missing.add(file + ": class " + e.get("name").asText());
                    continue;
                }
                for (JsonNode m : e.path("methods")) {
                    List<Class<?>> types = new ArrayList<>();
                    for (JsonNode t : m.get("parameterTypes")) {
                        types.add(load(t.asText()));
                    }
                    try {
                        c.getDeclaredMethod(m.get("name").asText(), types.toArray(Class<?>[]::new));
                    } catch (NoSuchMethodException ex) {
                        missing.add(file + ": " + c.getName() + "." + m.get("name").asText() + types);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Jinjava makes its filters, tags and tests with {@code Class.newInstance()} and finds its functions with
     * {@code getDeclaredMethod}: in a native executable both see only what the configuration registers.
     */
    @Test
    void reflectionCoversWhatJinjavaLooksUpAtRunTime() throws IOException {
        Map<String, JsonNode> reflect = entries("reflect-config.json");
        Context context = new Jinjava().getGlobalContext();
        Set<String> instantiated = new TreeSet<>();
        context.getAllFilters().forEach(f -> instantiated.add(f.getClass().getName()));
        context.getAllTags().forEach(t -> instantiated.add(t.getClass().getName()));
        context.getAllExpTests().forEach(t -> instantiated.add(t.getClass().getName()));
        List<String> missing = new ArrayList<>();
        for (String c : instantiated) {
            if (!reflect.containsKey(c) || !reflect.get(c).path("allDeclaredConstructors").asBoolean()) {
                missing.add("{\"name\": \"" + c + "\", \"allDeclaredConstructors\": true}");
            }
        }
        for (ELFunctionDefinition f : context.getAllFunctions()) {
            if (!registered(reflect, f.getMethod())) {
                missing.add(f.getMethod().getDeclaringClass().getName() + "." + f.getMethod().getName()
                        + Arrays.toString(f.getMethod().getParameterTypes()));
            }
        }
        assertThat(missing).as("add these to " + CONFIG.resolve("reflect-config.json")).isEmpty();
        assertThat(reflect).containsKeys("dev.sequor.expr.jinja.TemplateFunctions", "com.hubspot.jinjava.util.ForLoop");
    }

    private static boolean registered(Map<String, JsonNode> reflect, Method method) {
        JsonNode e = reflect.get(method.getDeclaringClass().getName());
        if (e == null) {
            return false;
        }
        if (e.path("allDeclaredMethods").asBoolean()) {
            return true;
        }
        List<String> types = Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList();
        for (JsonNode m : e.path("methods")) {
            List<String> given = new ArrayList<>();
            m.get("parameterTypes").forEach(t -> given.add(t.asText()));
            if (m.get("name").asText().equals(method.getName()) && given.equals(types)) {
                return true;
            }
        }
        return false;
    }

    /**
     * DuckDB's library looks up Java classes through JNI as it loads, and fails to load when one is missing; the
     * class names it carries as whole strings (Linux amd64 build) must all be registered for JNI.
     */
    @Test
    void jniCoversTheClassesDuckDbsLibraryNames() throws Exception {
        Set<String> registered = entries("jni-config.json").keySet();
        byte[] library;
        try (InputStream in = org.duckdb.DuckDBDriver.class.getResourceAsStream("/libduckdb_java.so_linux_amd64")) {
            assertThat(in).as("the DuckDB jar's Linux amd64 library").isNotNull();
            library = in.readAllBytes();
        }
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\x21-\\x7e])((?:java|org/duckdb)/[A-Za-z0-9_/$]+)\\x00")
                .matcher(new String(library, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String name = m.group(1).replace('/', '.');
            try {
                load(name);
                named.add(name);
            } catch (ClassNotFoundException notAClass) {
                // a package prefix or a fragment of a longer string, not a class the library looks up
            }
        }
        assertThat(named).as("class names in DuckDB's library").hasSizeGreaterThan(20)
                .contains("org.duckdb.DuckDBTimestamp", "java.math.BigDecimal");
        assertThat(registered).containsAll(named);
    }

    /** Each duckdb-* profile puts into the image exactly the resource the driver asks for on its platform. */
    @Test
    void theNativeImageCarriesTheBuildPlatformsDuckDbLibrary() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<duckdb.native.resource>(libduckdb_java[^<]*)</duckdb.native.resource>").matcher(pom);
        List<String> resources = new ArrayList<>();
        while (m.find()) {
            resources.add(m.group(1));
        }
        assertThat(resources).containsExactlyInAnyOrder("libduckdb_java.so_linux_amd64",
                "libduckdb_java.so_linux_arm64", "libduckdb_java.so_osx_universal", "libduckdb_java.so_windows_amd64");
        for (String r : resources) {
            assertThat(org.duckdb.DuckDBDriver.class.getResource("/" + r)).as(r + " in the DuckDB jar").isNotNull();
        }
        try (Stream<String> lines = Files.lines(Path.of("src/main/resources/application.properties"))) {
            assertThat(lines.filter(l -> l.startsWith("quarkus.native.resources.includes=")))
                    .singleElement().asString().contains("${duckdb.native.resource:none}").doesNotContain("libduckdb");
        }
    }
}
