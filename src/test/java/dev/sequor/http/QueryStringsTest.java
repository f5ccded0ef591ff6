package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building query strings the way Python requests does, and replacing one parameter (api_key in query). */
class QueryStringsTest {

    private static String withQuery(String url, String... pairs) {
        List<Map.Entry<String, String>> params = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return QueryStrings.withQuery(url, params).toString();
    }

    @Test
    void parametersAreAppendedToTheExistingQueryInOrder() {
        assertThat(withQuery("http://h/p?a=1", "b", "2", "c", "3")).isEqualTo("http://h/p?a=1&b=2&c=3");
        assertThat(withQuery("http://h/p", "b", "2")).isEqualTo("http://h/p?b=2");
        assertThat(withQuery("http://h/p?", "b", "2")).isEqualTo("http://h/p?b=2");
    }

    @Test
    void aListRepeatsTheKey() {
        assertThat(withQuery("http://h/p", "tag", "x", "tag", "y", "tag", "z")).isEqualTo("http://h/p?tag=x&tag=y&tag=z");
    }

    @Test
    void valuesAreFormEncodedWithSpacesAsPlus() {
        assertThat(withQuery("http://h/p", "q", "a b&c=d", "ü", "50%/+"))
                .isEqualTo("http://h/p?q=a+b%26c%3Dd&%C3%BC=50%25%2F%2B");
        assertThat(withQuery("http://h/p", "empty", "")).isEqualTo("http://h/p?empty=");
    }

    @Test
    void theFragmentStaysAtTheEnd() {
        assertThat(withQuery("http://h/p?a=1#top", "b", "2")).isEqualTo("http://h/p?a=1&b=2#top");
    }

    @Test
    void withoutParametersTheUrlIsOnlyParsed() {
        assertThat(withQuery("http://h/p?a=1&b=%20")).isEqualTo("http://h/p?a=1&b=%20");
    }

    @Test
    void characterAUrlCannotHoldAreEscaped() {
        URI uri = QueryStrings.withQuery("http://h/files/{id}/a b|c?x=1 2&y=\"q\"", List.of(Map.entry("z", "3")));
        assertThat(uri.toString()).isEqualTo("http://h/files/%7Bid%7D/a%20b%7Cc?x=1%202&y=%22q%22&z=3");
        assertThat(uri.getPath()).isEqualTo("/files/{id}/a b|c");
        // escapes already in the URL are kept as they are, not escaped twice
        assertThat(withQuery("http://h/a%20b c")).isEqualTo("http://h/a%20b%20c");
        assertThat(withQuery("http://h/é")).isEqualTo("http://h/é");
    }

    @Test
    void aUrlThatCannotBeRepairedIsAnIllegalArgument() {
        assertThatThrownBy(() -> QueryStrings.withQuery("://no-scheme", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected scheme name");
    }

    @Test
    void withParameterReplacesEveryOccurrenceAndAppendsOnce() {
        URI uri = URI.create("http://h/p?key=old&a=1&key=older&b=2#f");
        assertThat(QueryStrings.withParameter(uri, "key", "new value").toString())
                .isEqualTo("http://h/p?a=1&b=2&key=new+value#f");
    }

    @Test
    void withParameterComparesDecodedNames() {
        URI uri = URI.create("http://h/p?api+key=1&api%20key=2&api_key=3&flag&&x=");
        assertThat(QueryStrings.withParameter(uri, "api key", "k").toString())
                .isEqualTo("http://h/p?api_key=3&flag&x=&api+key=k");
        assertThat(QueryStrings.withParameter(URI.create("http://h/p"), "k", "v").toString()).isEqualTo("http://h/p?k=v");
    }
}
