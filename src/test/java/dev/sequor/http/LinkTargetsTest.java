package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Link header parsing (RFC 8288) and resolution of link targets against the request's URL. */
class LinkTargetsTest {

    @Test
    void findsRelNextAmongOtherRelationsInAnyOrderAndCase() {
        assertThat(LinkTargets.nextLink(List.of("<https://api.github.com/r?page=2>; rel=\"next\","
                + " <https://api.github.com/r?page=5>; rel=\"last\""))).isEqualTo("https://api.github.com/r?page=2");
        assertThat(LinkTargets.nextLink(List.of("<https://x/a?page=1>; rel=\"prev\", <https://x/a?page=3>; rel=\"last\","
                + " <https://x/a?page=2>; rel=\"NEXT\""))).isEqualTo("https://x/a?page=2");
        assertThat(LinkTargets.nextLink(List.of("</p/3>; rel=\"next last\"; title=\"a, b; c\""))).isEqualTo("/p/3");
        assertThat(LinkTargets.nextLink(List.of("</first>; rel=first", "</n>;rel=next"))).isEqualTo("/n");
        assertThat(LinkTargets.nextLink(List.of("</x?a=1,2>; title=\"next\"; rel=\"first\", </y>; rel=\"next\"")))
                .isEqualTo("/y");
    }

    /** RFC 8288: a quoted parameter value may hold ; , and rel=, which are part of the value and make no relation. */
    @Test
    void aSemicolonOrRelInsideAQuotedValueMakesNoRelation() {
        assertThat(LinkTargets.nextLink(List.of("<http://x/lend?tag=PREV>; title=\"a; rel=next\"; rel=\"prev\", "
                + "<http://x/lend?tag=NEXT>; rel=\"next\""))).isEqualTo("http://x/lend?tag=NEXT");
        assertThat(LinkTargets.nextLink(List.of("</p>; title=\"x\\\"; rel=next\"; rel=prev"))).isNull();
        assertThat(LinkTargets.nextLink(List.of("</p>; title=\"a, <y>; rel=next\"; rel=prev, </n>; rel=next")))
                .isEqualTo("/n");
        // only the first rel counts (RFC 8288 3.3)
        assertThat(LinkTargets.nextLink(List.of("</p>; rel=prev; rel=next"))).isNull();
        assertThat(LinkTargets.nextLink(List.of("</n>; REL = \" next \""))).isEqualTo("/n");
    }

    @Test
    void noNextLinkIsNull() {
        assertThat(LinkTargets.nextLink(null)).isNull();
        assertThat(LinkTargets.nextLink(List.of())).isNull();
        assertThat(LinkTargets.nextLink(List.of("<https://x/a?page=1>; rel=\"first\", <https://x/a?page=1>; rel=\"prev\"")))
                .isNull();
        assertThat(LinkTargets.nextLink(List.of("garbage without brackets"))).isNull();
    }

    @Test
    void targetsResolveAgainstTheRequestUrl() {
        URI base = URI.create("https://api.x.com/v1/items?page=1");
        assertThat(LinkTargets.resolve(base, "/v1/items?page=2")).hasToString("https://api.x.com/v1/items?page=2");
        assertThat(LinkTargets.resolve(base, "?page=3")).hasToString("https://api.x.com/v1/items?page=3");
        assertThat(LinkTargets.resolve(base, "other?c=1")).hasToString("https://api.x.com/v1/other?c=1");
        assertThat(LinkTargets.resolve(base, "https://cdn.x.com/p")).hasToString("https://cdn.x.com/p");
    }
}
