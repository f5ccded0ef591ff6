package dev.sequor.flow.parse;

import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.DidYouMean;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.LiteralRule;
import dev.sequor.flow.op.Pagination;
import dev.sequor.flow.op.Pagination.Cursor;
import dev.sequor.flow.op.Pagination.LinkHeader;
import dev.sequor.flow.op.Pagination.NextUrl;
import dev.sequor.flow.op.Pagination.Offset;
import dev.sequor.flow.op.Pagination.PageNumber;
import dev.sequor.yaml.YNode.YMap;

/** Parser of {@code response.pagination}: the type, its parameters (with their defaults) and its paths. */
final class PaginationParser {

    private PaginationParser() {
    }

    /** The pagination {@code r} reads, or null (reported) when its type is missing or unknown. */
    static Pagination parse(KeyReader r) {
        Diagnostics diag = r.diagnostics();
        YMap map = r.map();
        String type = r.string("type");
        Pagination.Style style = null;
        if (type == null) {
            r.missing("'type' is required in " + r.where() + ": one of " + String.join(", ", Pagination.TYPES) + ".",
                    "type");
        } else if (!Pagination.TYPES.contains(type)) {
            diag.invalidValue(r.node("type").pos(), "'type' in " + r.where() + " must be one of "
                    + String.join(", ", Pagination.TYPES) + ", not '" + type + "'" + DidYouMean.hint(type,
                    Pagination.TYPES) + ".");
        } else {
            style = switch (type) {
                case "page_number" -> pageNumber(r);
                case "offset" -> offset(r);
                case "cursor" -> cursor(r);
                case "next_url" -> new NextUrl(requiredPath(r, "next_url_path", "the URL of the next page, e.g. next"
                        + " or links.next"));
                default -> new LinkHeader();
            };
        }
        Dyn maxPages = r.countDyn("max_pages");
        Dyn parallel = r.parallelDyn("parallel");
        if (parallel != null && style != null && !style.knowsTotal()) {
            diag.invalidValue(r.keyPos("parallel"), "'parallel' in " + r.where() + " asks for pages before the ones"
                    + " before them are handled, so it needs the number of pages from the API: write it with"
                    + " page_number and total_pages_path, or offset and total_path.");
        }
        r.finish();
        return style == null ? null : new Pagination(style, maxPages, parallel, map.pos());
    }

    private static PageNumber pageNumber(KeyReader r) {
        String sizeParam = r.string("page_size_param");
        Dyn size = r.countDyn("page_size");
        if ((sizeParam == null) != (size == null)) {
            r.diagnostics().error(r.pos(), "page_size_param and page_size go together in " + r.where()
                    + ": write both (e.g. page_size_param: per_page, page_size: 100) or neither.");
        }
        return new PageNumber(param(r, "page_param", "page"), r.checked("start", LiteralRule.NON_NEGATIVE_INTEGER),
                sizeParam, size, r.path("total_pages_path"), r.path("has_more_path"));
    }

    private static Offset offset(KeyReader r) {
        Dyn limit = r.countDyn("limit");
        if (limit == null && !r.has("limit")) {
            r.missing("'limit' is required in " + r.where() + ": the page size to ask for (a page with fewer records is"
                    + " the last one).", "limit");
        }
        return new Offset(param(r, "offset_param", "offset"), param(r, "limit_param", "limit"), limit,
                r.path("total_path"));
    }

    private static Cursor cursor(KeyReader r) {
        String param = r.string("cursor_param");
        if (param == null && !r.has("cursor_param")) {
            r.missing("'cursor_param' is required in " + r.where() + ": the query parameter that carries the cursor"
                    + " (e.g. starting_after).", "cursor_param");
        }
        return new Cursor(param, requiredPath(r, "cursor_path", "where the next cursor is in a page, e.g. next_cursor or"
                + " data[-1].id"), r.path("has_more_path"));
    }

    private static String param(KeyReader r, String key, String dflt) {
        String name = r.string(key);
        return name == null || name.isBlank() ? dflt : name;
    }

    private static Dyn.Path requiredPath(KeyReader r, String key, String what) {
        Dyn.Path path = r.path(key);
        if (path == null && !r.has(key)) {
            r.missing("'" + key + "' is required in " + r.where() + ": " + what + ".", key);
        }
        return path;
    }
}
