package dev.sequor.expr.python;

import static dev.sequor.expr.python.PythonTestSupport.POS;
import static dev.sequor.expr.python.PythonTestSupport.engine;
import static dev.sequor.expr.python.PythonTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.http.HttpResponseData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The `response` parameter: upstream 1.2's methods json(), text(), status_code(), headers(). */
class PythonResponseTest {

    private static MapScope withResponse(String body) {
        MapScope scope = new MapScope();
        scope.response = new HttpResponseData(201,
                Map.of("Content-Type", List.of("application/json"), "X-Rate", List.of("1", "2")),
                body.getBytes(StandardCharsets.UTF_8));
        return scope;
    }

    @Test
    void jsonIsRealPythonData() {
        MapScope scope = withResponse("{\"items\": [{\"id\": 1}, {\"id\": 2.5}], \"next\": null}");
        assertThat(eval("d = response.json()\nreturn [isinstance(d, dict), [i['id'] for i in d['items']], d['next']]",
                scope)).isEqualTo(java.util.Arrays.asList(true, List.of(1L, 2.5d), null));
    }

    @Test
    void jsonIsConvertedOncePerResponse() {
        MapScope scope = withResponse("{\"n\": 1}");
        PythonSnippet first = engine().prepare("d = response.json()\nd['seen'] = True\nreturn len(d)", "a_expression", POS);
        PythonSnippet second = engine().prepare("response.json().get('seen', False)", "b_expression", POS);
        assertThat(engine().call(first, scope)).isEqualTo(2L);
        assertThat(engine().call(second, scope)).isEqualTo(true);
        assertThat(eval("response.json() is response.json()", scope)).isEqualTo(true);
        // a different response is a different object
        assertThat(engine().call(second, withResponse("{\"n\": 1}"))).isEqualTo(false);
    }

    @Test
    void textStatusAndCaseInsensitiveHeaders() {
        MapScope scope = withResponse("[1]");
        assertThat(eval("[response.text(), response.status_code(), response.headers()['content-type'], "
                + "response.headers().get('CONTENT-TYPE'), 'x-rate' in response.headers(), response.headers()['X-Rate'], "
                + "response.headers().get('missing', 'd')]", scope))
                .isEqualTo(List.of("[1]", 201L, "application/json", "application/json", true, "1, 2", "d"));
    }

    @Test
    void invalidJsonIsAnErrorNamingTheBody() {
        assertThatThrownBy(() -> eval("response.json()", withResponse("<html>")))
                .hasMessage("Error evaluating 'value_expression': Response body is not valid JSON "
                        + "(status 201, Content-Type application/json): <html>");
    }
}
