package dev.sequor.flow.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one YAML mapping: an op, one of its sections (request, response, pagination...), a flow file, a
 * source file. A section may have variants chosen by a discriminator key (pagination by {@code type}, a source by
 * {@code type}): the keys of the chosen variant are known on top of the section's own.
 *
 * @param title         how the schema and the reference name it, e.g. {@code http_request request}
 * @param closed        true when the reader reports keys it does not know (then the schema refuses them)
 * @param oneRequired   groups of keys of which at least one must be written (e.g. {@code table} or {@code query})
 * @param discriminator the key whose literal value chooses a variant; null when there are none
 * @param variants      the keys each value of the discriminator adds, in the order the reader asks for them
 */
public record SectionSpec(String title, String doc, List<KeySpec> keys, boolean closed, List<List<String>> oneRequired,
                          String discriminator, Map<String, List<KeySpec>> variants) {

    public static SectionSpec closed(String title, String doc, KeySpec... keys) {
        return new SectionSpec(title, doc, List.of(keys), true, List.of(), null, Map.of());
    }

    /** A section whose reader ignores keys it does not know (as upstream does). */
    public static SectionSpec open(String title, String doc, KeySpec... keys) {
        return new SectionSpec(title, doc, List.of(keys), false, List.of(), null, Map.of());
    }

    /** The same section, with at least one of {@code group} required. */
    public SectionSpec oneOfRequired(String... group) {
        List<List<String>> groups = new ArrayList<>(oneRequired);
        groups.add(List.of(group));
        return new SectionSpec(title, doc, keys, closed, List.copyOf(groups), discriminator, variants);
    }

    /** The same section with variants: {@code discriminator}'s value {@code v} adds {@code variants.get(v)}. */
    public SectionSpec withVariants(String key, Map<String, List<KeySpec>> byValue) {
        return new SectionSpec(title, doc, keys, closed, oneRequired, key, new LinkedHashMap<>(byValue));
    }

    /** The same section with {@code more} keys in front (the keys every op has). */
    public SectionSpec withLeadingKeys(List<KeySpec> more) {
        List<KeySpec> all = new ArrayList<>(more);
        all.addAll(keys);
        return new SectionSpec(title, doc, List.copyOf(all), closed, oneRequired, discriminator, variants);
    }

    /**
     * Every spelling a mapping of this section may hold when its discriminator reads {@code variant} (null: none
     * chosen), in the order the reader asks for them: what is known, and where did-you-mean looks.
     */
    public List<String> spellings(String variant) {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.addAll(k.spellings()));
        if (variant != null && variants.containsKey(variant)) {
            variants.get(variant).forEach(k -> out.addAll(k.spellings()));
        }
        return out;
    }

    /** Every spelling of every variant: what a reader may ask for before it knows the variant. */
    public List<String> allSpellings() {
        List<String> out = spellings(null);
        variants.values().forEach(v -> v.forEach(k -> k.spellings().stream().filter(s -> !out.contains(s))
                .forEach(out::add)));
        return out;
    }

    /** The key named {@code name} among the section's and its variants' keys, or null. */
    public KeySpec key(String name) {
        for (KeySpec k : keys) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        for (List<KeySpec> v : variants.values()) {
            for (KeySpec k : v) {
                if (k.name().equals(name)) {
                    return k;
                }
            }
        }
        return null;
    }
}
