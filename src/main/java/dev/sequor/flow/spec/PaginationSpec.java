package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.INTEGER;
import static dev.sequor.flow.spec.JsonType.STRING;
import static dev.sequor.flow.spec.KeySpec.dyn;
import static dev.sequor.flow.spec.KeySpec.literal;

import dev.sequor.flow.op.Pagination;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys of {@code response.pagination}: its {@code type}, and what each type adds. */
final class PaginationSpec {

    private PaginationSpec() {
    }

    static final SectionSpec PAGINATION = SectionSpec.closed("http_request response pagination",
            "How the op asks for the next page and when it stops.",
            literal("type", "The API's pagination convention.", STRING).oneOf(Pagination.TYPES).mandatory(),
            dyn("max_pages", "Cap on pages (reaching it is a warning).", INTEGER),
            dyn("parallel", "Pages in flight at once (at most 1000), handled in page order (page_number with"
                    + " total_pages_path, or offset with total_path).", INTEGER))
            .withVariants("type", variants());

    private static Map<String, List<KeySpec>> variants() {
        Map<String, List<KeySpec>> v = new LinkedHashMap<>();
        v.put("page_number", List.of(
                literal("page_size_param", "The query parameter of the page size (with page_size).", STRING),
                dyn("page_size", "The page size to ask for (with page_size_param).", INTEGER),
                literal("page_param", "The query parameter of the page number.", STRING).dflt("page"),
                dyn("start", "The first page's number.", INTEGER).dflt(1),
                literal("total_pages_path", "A JMESPath to the number of pages.", STRING),
                literal("has_more_path", "A JMESPath to whether more pages follow.", STRING)));
        v.put("offset", List.of(
                dyn("limit", "The page size to ask for (a shorter page is the last).", INTEGER).mandatory(),
                literal("offset_param", "The query parameter of the offset.", STRING).dflt("offset"),
                literal("limit_param", "The query parameter of the page size.", STRING).dflt("limit"),
                literal("total_path", "A JMESPath to the total number of records.", STRING)));
        v.put("cursor", List.of(
                literal("cursor_param", "The query parameter that carries the cursor.", STRING).mandatory(),
                literal("cursor_path", "A JMESPath to the next cursor in a page, e.g. data[-1].id.", STRING)
                        .mandatory(),
                literal("has_more_path", "A JMESPath to whether more pages follow.", STRING)));
        v.put("next_url", List.of(
                literal("next_url_path", "A JMESPath to the URL of the next page, e.g. links.next.", STRING)
                        .mandatory()));
        v.put("link_header", List.of());
        return v;
    }
}
