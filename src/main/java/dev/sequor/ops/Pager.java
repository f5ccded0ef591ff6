package dev.sequor.ops;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.Counts;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.op.Pagination;
import dev.sequor.flow.op.Pagination.Cursor;
import dev.sequor.flow.op.Pagination.LinkHeader;
import dev.sequor.flow.op.Pagination.NextUrl;
import dev.sequor.flow.op.Pagination.Offset;
import dev.sequor.flow.op.Pagination.PageNumber;
import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.LinkTargets;
import dev.sequor.http.QueryStrings;
import dev.sequor.http.RequestDefaults;
import dev.sequor.run.Evaluator;
import dev.sequor.run.FlowScope;
import dev.sequor.run.Texts;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The state of one paginated fetch (one op run, or one for_each row: each starts afresh): it completes each request
 * the op builds with the page it asks for, and after each page decides whether there is another. A cursor or next URL
 * the fetch has already followed is an error (an API stuck in a loop would otherwise be fetched forever).
 */
final class Pager {

    private final Pagination pagination;
    private final Evaluator eval;
    private final RequestDefaults defaults;
    private final String opLabel;
    /** The cap from max_pages, or 0 for none. */
    private final long maxPages;
    private final long pageSize;
    /** The page number (page_number) or offset (offset) of the next page to ask for. */
    private long number;
    /** Where the first page is: {@code number} before any page was handled. */
    private final long first;
    /** The position of the last page the latest page said there is (within max_pages), or -1 while unknown. */
    private long last = -1;
    /** The cursor to send, or the URL to fetch, for the next page; null for the first page. */
    private String next;
    private final Set<String> followed = new HashSet<>();
    private int pages;

    private Pager(Pagination pagination, Evaluator eval, FlowScope scope, RequestDefaults defaults, String opLabel) {
        this.pagination = pagination;
        this.eval = eval;
        this.defaults = defaults;
        this.opLabel = opLabel;
        this.maxPages = pagination.maxPages() == null ? 0
                : Counts.positive(eval.eval(pagination.maxPages(), scope), pagination.maxPages().pos(), "max_pages");
        this.pageSize = switch (pagination.style()) {
            case PageNumber p when p.pageSize() != null -> Counts.positive(eval.eval(p.pageSize(), scope),
                    p.pageSize().pos(), "page_size");
            case Offset o -> Counts.positive(eval.eval(o.limit(), scope), o.limit().pos(), "limit");
            default -> 0;
        };
        this.number = pagination.style() instanceof PageNumber p && p.start() != null
                ? nonNegative(eval.eval(p.start(), scope), p.start().pos()) : pagination.style() instanceof PageNumber ? 1 : 0;
        this.first = number;
    }

    /** A pager for {@code op}'s pagination, or null when the op has none. */
    static Pager of(Pagination pagination, Evaluator eval, FlowScope scope, RequestDefaults defaults, String opLabel) {
        return pagination == null ? null : new Pager(pagination, eval, scope, defaults, opLabel);
    }

    /** {@code built} (the request as the op writes it) asking for the current page. */
    HttpRequestData apply(HttpRequestData built) {
        return applyAt(built, number);
    }

    /**
     * {@code built} asking for the page at {@code position} (a page number or an offset, see {@link #position()});
     * for the other styles, which know only the next page, the current page.
     */
    HttpRequestData applyAt(HttpRequestData built, long position) {
        URI uri = built.uri();
        switch (pagination.style()) {
            case PageNumber p -> {
                uri = QueryStrings.withParameter(uri, p.pageParam(), Long.toString(position));
                if (p.pageSizeParam() != null) {
                    uri = QueryStrings.withParameter(uri, p.pageSizeParam(), Long.toString(pageSize));
                }
            }
            case Offset o -> uri = QueryStrings.withParameter(QueryStrings.withParameter(uri, o.offsetParam(),
                    Long.toString(position)), o.limitParam(), Long.toString(pageSize));
            case Cursor c -> {
                if (next != null) {
                    uri = QueryStrings.withParameter(uri, c.cursorParam(), next);
                }
            }
            case NextUrl n -> uri = next == null ? uri : URI.create(next);
            case LinkHeader l -> uri = next == null ? uri : URI.create(next);
        }
        return uri == built.uri() ? built : built.withUri(uri);
    }

    /**
     * After a page was handled: whether to fetch another. {@code sent} is the request that got {@code response};
     * {@code records} the rows of the op's first table in it (-1 when the op wrote none). Reaching max_pages with more
     * to fetch stops with {@code capped} told.
     */
    boolean advance(HttpRequestData sent, HttpResponseData response, int records, FlowScope withResponse,
                    Runnable capped) {
        pages++;
        boolean more = switch (pagination.style()) {
            case PageNumber p -> pageNumber(p, records, withResponse);
            case Offset o -> offset(o, records, withResponse);
            case Cursor c -> cursor(c, withResponse);
            case NextUrl n -> url(text(n.nextUrlPath(), withResponse), sent, response);
            case LinkHeader l -> url(LinkTargets.nextLink(response.headers().get("Link")), sent, response);
        };
        if (more && maxPages > 0 && pages >= maxPages) {
            capped.run();
            return false;
        }
        return more;
    }

    /** The cap from max_pages, or 0 for none. */
    long maxPages() {
        return maxPages;
    }

    /** Where the next page is: its page number (page_number) or its offset (offset). */
    long position() {
        return number;
    }

    /** How far apart two pages' positions are: 1 page, or the page size of offset. */
    long step() {
        return pagination.style() instanceof Offset ? pageSize : 1;
    }

    /**
     * The position of the last page there is, as the latest page said (total_pages_path, total_path) and max_pages
     * allows; -1 while no page has said.
     */
    long lastPosition() {
        return last;
    }

    /** The warning when max_pages stopped a fetch that had more pages. */
    String cappedWarning() {
        return "warning: \"" + opLabel + "\" stopped after max_pages (" + maxPages + ") pages; the API has more.";
    }

    private boolean pageNumber(PageNumber p, int records, FlowScope scope) {
        number++;
        // a page without records is the end; without a table the paths alone decide
        if (records == 0 || records < 0 && p.countsRecords()) {
            return false;
        }
        if (p.hasMorePath() != null && !flag(p.hasMorePath(), scope)) {
            return false;
        }
        Long total = p.totalPagesPath() == null ? null : number(p.totalPagesPath(), scope);
        knowLast(total == null ? -1 : first + total - 1);
        return total == null || pages < total;
    }

    private boolean offset(Offset o, int records, FlowScope scope) {
        number += pageSize;
        if (records < pageSize) {
            return false;
        }
        Long total = o.totalPath() == null ? null : number(o.totalPath(), scope);
        knowLast(total == null || total <= first ? -1 : first + (total - first - 1) / pageSize * pageSize);
        return total == null || number < total;
    }

    private void knowLast(long position) {
        last = position < 0 || maxPages == 0 ? position : Math.min(position, first + (maxPages - 1) * step());
    }

    private boolean cursor(Cursor c, FlowScope scope) {
        if (c.hasMorePath() != null && !flag(c.hasMorePath(), scope)) {
            return false;
        }
        String cursor = text(c.cursorPath(), scope);
        if (cursor == null || cursor.isEmpty()) {
            return false;
        }
        if (!followed.add(cursor)) {
            throw loop("the cursor '" + cursor + "'");
        }
        next = cursor;
        return true;
    }

    /**
     * {@code target} (a next URL or Link target in {@code response} to {@code sent}) resolved against the URL the
     * response came from: after a redirect, where it landed, as Python requests resolves against response.url.
     */
    private boolean url(String target, HttpRequestData sent, HttpResponseData response) {
        if (target == null || target.isBlank()) {
            return false;
        }
        URI requested = defaults.absolute(sent.uri());
        URI landed = response.url() == null ? requested : response.url();
        URI resolved;
        try {
            resolved = LinkTargets.resolve(landed, target);
        } catch (IllegalArgumentException e) {
            throw SequorException.failed(pagination.pos(), "The next page's URL '" + target + "' (after page " + pages
                    + ") is not a URL.");
        }
        if (!LinkTargets.followable(resolved)) {
            // as the op's own url: a URL the client cannot send fails at once, before anything is sent or retried
            throw SequorException.failed(pagination.pos(), "Invalid next page URL '" + resolved + "' (after page "
                    + pages + "): only http:// and https:// URLs can be followed.");
        }
        String key = resolved.toString();
        if (!followed.add(key) || key.equals(requested.toString()) || key.equals(landed.toString())) {
            throw loop("the next URL '" + key + "'");
        }
        next = key;
        return true;
    }

    private SequorException loop(String what) {
        return SequorException.failed(pagination.pos(), "Page " + pages + " gave " + what
                + " again, which was already fetched; the API is repeating itself, so the op stops instead of fetching"
                + " the same pages forever.");
    }

    /** What a path selected as text (a cursor or URL): null when nothing; an error for an object or a list. */
    private String text(Dyn.Path path, FlowScope scope) {
        Object v = eval.eval(path, scope);
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw selected(path, v, "a string or a number");
        }
        return v == null ? null : Texts.str(v);
    }

    private boolean flag(Dyn.Path path, FlowScope scope) {
        Object v = eval.eval(path, scope);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        throw selected(path, v, "true or false");
    }

    private Long number(Dyn.Path path, FlowScope scope) {
        Object v = eval.eval(path, scope);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(Texts.str(v).strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw selected(path, v, "a whole number");
        }
    }

    private SequorException selected(Dyn.Path path, Object v, String expected) {
        return SequorException.failed(path.pos(), "'" + path.keyName() + "' (" + path.path() + ") selected "
                + Texts.typeName(v) + " " + Texts.shortRepr(v) + " in the response; expected " + expected + ".");
    }

    private static long nonNegative(Object v, SourcePos pos) {
        try {
            long n = new BigDecimal(Texts.str(v).strip()).longValueExact();
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            // reported below
        }
        throw SequorException.invalid(pos, "start must be a non-negative integer, not '" + v + "'.");
    }
}
