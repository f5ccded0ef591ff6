package dev.sequor.flow.op;

import dev.sequor.error.SourcePos;
import dev.sequor.flow.Dyn;

/**
 * {@code response.pagination} of an {@code http_request}: how the op asks for the next page and when it stops, so a
 * paginated fetch needs no {@code while} loop. "The records of a page" are the rows of the op's first table in that
 * response. {@code maxPages} caps the pages (reaching it is a warning, not an error). {@code parallel} (null: one at a
 * time) is how many pages may be in flight at once once the API has said how many there are (page_number with
 * total_pages_path, offset with total_path); pages are still handled one at a time, in page order.
 */
public record Pagination(Style style, Dyn maxPages, Dyn parallel, SourcePos pos) {

    /** The {@code type} values, as flows write them. */
    public static final java.util.List<String> TYPES = java.util.List.of("page_number", "offset", "cursor", "next_url",
            "link_header");

    /** One kind of pagination. */
    public sealed interface Style permits PageNumber, Offset, Cursor, NextUrl, LinkHeader {
        /** Whether the style stops on the records of a page, so the op must write a table. */
        default boolean countsRecords() {
            return false;
        }

        /** Whether a page tells how many pages there are, so the pages after it can be asked for before it is handled. */
        default boolean knowsTotal() {
            return false;
        }
    }

    /**
     * {@code ?page=N} from {@code start}, optionally with {@code page_size_param=page_size}; stops on a page with no
     * records, when the page reaches {@code total_pages_path}, or when {@code has_more_path} is false.
     */
    public record PageNumber(String pageParam, Dyn start, String pageSizeParam, Dyn pageSize, Dyn.Path totalPagesPath,
                             Dyn.Path hasMorePath) implements Style {
        @Override
        public boolean countsRecords() {
            return totalPagesPath == null && hasMorePath == null;
        }

        @Override
        public boolean knowsTotal() {
            return totalPagesPath != null;
        }
    }

    /** {@code ?offset=N&limit=L}, N going up by L; stops on a short or empty page, or when N reaches {@code total_path}. */
    public record Offset(String offsetParam, String limitParam, Dyn limit, Dyn.Path totalPath) implements Style {
        @Override
        public boolean countsRecords() {
            return true;
        }

        @Override
        public boolean knowsTotal() {
            return totalPath != null;
        }
    }

    /**
     * No cursor on the first request, then {@code cursor_param} set to what {@code cursor_path} selected in the previous
     * page; stops when the cursor is null or empty, or {@code has_more_path} is false.
     */
    public record Cursor(String cursorParam, Dyn.Path cursorPath, Dyn.Path hasMorePath) implements Style {
    }

    /** The next request goes to the URL {@code next_url_path} selects (relative or absolute), as it is; stops on null. */
    public record NextUrl(Dyn.Path nextUrlPath) implements Style {
    }

    /** The next request goes to the {@code rel="next"} target of the {@code Link} header (RFC 8288); stops without one. */
    public record LinkHeader() implements Style {
    }
}
