package dev.sequor.expr.python;

import dev.sequor.db.Row;
import dev.sequor.http.HttpResponseData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible situations for the repository's snippets: the variables they read and a canned response with the
 * shapes they read (data, meta.pagination, orders with line_items, customers with addresses, items, kind, next,
 * has_more). The first is a middle page where everything is there; the second a last page where lists are empty
 * and optional variables unset; the third a response that is not JSON and a customer without an email.
 */
final class SampleScopes {

    record Named(String name, MapScope scope) {
    }

    private SampleScopes() {
    }

    static List<Named> all() {
        return List.of(new Named("middle page", middlePage()), new Named("last page", lastPage()),
                new Named("not JSON", notJson()));
    }

    private static MapScope middlePage() {
        MapScope scope = common(customer("Ann.Smith@Example.com"))
                .var("next_page", 2L).var("page", 1L).var("last_customer_id", "cus_2").var("i", 0L).var("count", 5L);
        scope.response = json("""
                {"data": [{"id": "cus_1", "email": "a@x.io", "first_name": "Ann", "last_name": "Lee", "sku": "S-1",
                           "name": "Widget", "category": "tools", "price": 9.99, "quantity": 3, "active": true,
                           "created_at": "2024-01-02T03:04:05Z", "tags": ["a", "b"]},
                          {"id": "cus_2", "email": "b@x.io", "first_name": "Bob", "last_name": null, "sku": "S-2",
                           "name": "Gadget", "category": "toys", "price": 10, "quantity": 0, "active": false,
                           "created_at": "2024-02-03T00:00:00Z", "tags": []}],
                 "has_more": true, "next": 3,
                 "meta": {"pagination": {"current_page": 1, "total_pages": 3}},
                 "orders": [{"id": 1001, "customer": {"id": 7}, "email": "ann@x.io", "created_at": "2024-01-02",
                             "total_price": "19.90", "line_items": [{"quantity": 2}, {"quantity": 1}]},
                            {"id": 1002, "customer": null, "email": null, "created_at": "2024-01-03",
                             "total_price": "5.00", "line_items": []}],
                 "customers": [{"id": 7, "email_marketing_consent": {"state": "subscribed", "single_opt_in": true},
                                "addresses": [{"city": "Oslo"}, {"city": "Bergen"}]}],
                 "items": [{"name": "bolt", "size": 1.25}, {"name": "nut", "size": 0.5}],
                 "kind": "hardware", "rows": [[1, "a"]]}
                """);
        return scope;
    }

    private static MapScope lastPage() {
        MapScope scope = common(customer("bob@example.org")).var("next_page", 3L);
        scope.response = json("""
                {"data": [], "has_more": false, "next": null,
                 "meta": {"pagination": {"current_page": 3, "total_pages": 3}},
                 "orders": [], "customers": [], "items": [], "kind": "empty"}
                """);
        return scope;
    }

    private static MapScope notJson() {
        Map<String, Object> customer = customer(null);
        customer.remove("email");
        MapScope scope = common(customer).var("page", 4L).var("i", 41L);
        scope.response = new HttpResponseData(502, Map.of("Content-Type", List.of("text/html")),
                "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8));
        return scope;
    }

    private static MapScope common(Map<String, Object> customer) {
        MapScope scope = new MapScope().var("customer", customer).var("dc", "us6").var("api_version", "3.0")
                .var("mailchimp_list_id", "abc123").var("var1", "value2").var("pages", 3L).var("base_url", "http://x");
        for (String sql : List.of("select count(*) from users", "select count(*) from control_ops_users")) {
            scope.result("stage", sql, List.of(Row.of(List.of("count"), List.<Object>of(2L))));
        }
        return scope;
    }

    private static Map<String, Object> customer(String email) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", 7L);
        c.put("email", email);
        c.put("first_name", "Ann");
        c.put("last_name", "Smith");
        c.put("total_spent", new BigDecimal("123.45"));
        c.put("order_count", 3L);
        return c;
    }

    private static HttpResponseData json(String body) {
        return new HttpResponseData(200, Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
