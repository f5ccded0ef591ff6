package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.http.auth.AuthSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What SecretRedactor hides in texts, headers, JSON values and form bodies. */
class SecretRedactorTest {

    private static final String M = SecretRedactor.MASK;

    @Test
    void rawUrlEncodedAndBase64FormsAreHidden() {
        SecretRedactor r = new SecretRedactor(Set.of("p@ss word/1"));
        assertThat(r.text("raw p@ss word/1 here")).isEqualTo("raw " + M + " here");
        assertThat(r.text("?pw=p%40ss+word%2F1&x=1")).isEqualTo("?pw=" + M + "&x=1");
        assertThat(r.text("Basic cEBzcyB3b3JkLzE=")).isEqualTo("Basic " + M);
        assertThat(r.text(null)).isNull();
    }

    /** A text cut short inside a secret ({@code Bearer SECRE...}) shows no start of it of four characters or more. */
    @Test
    void theStartOfASecretWhereATextWasCutIsHidden() {
        SecretRedactor r = new SecretRedactor(Set.of("SECRETTOKEN123", "alice:BASICPASS456"));
        assertThat(r.text("body: xxBearer SECRETTO...")).isEqualTo("body: xxBearer " + M + "...");
        assertThat(r.text("Basic YWxpY2U6Q...")).isEqualTo("Basic " + M + "...");
        assertThat(r.text("a SECR... b SECRETTOKEN1... c SECRETTOKEN123...")).isEqualTo("a " + M + "... b " + M
                + "... c " + M + "...");
        // three characters are left: shorter starts would hide ordinary text
        assertThat(r.text("Bearer SEC...")).isEqualTo("Bearer SEC...");
        assertThat(r.text("Loading... SECRET")).isEqualTo("Loading... SECRET");
    }

    @Test
    void aSecretWithSpacesIsHiddenWhereAUrlEscapedThemAsPercent20() {
        // QueryStrings escapes spaces in a URL written in a flow as %20, not +
        SecretRedactor r = new SecretRedactor(Set.of("my secret key"));
        String url = QueryStrings.withQuery("http://h/x?key=my secret key", List.of()).toString();
        assertThat(url).isEqualTo("http://h/x?key=my%20secret%20key");
        assertThat(r.text(url)).isEqualTo("http://h/x?key=" + M);
    }

    @Test
    void aUrlToStoreLosesItsUserInfoItsCredentialQueryValuesAndKnownSecrets() {
        SecretRedactor r = new SecretRedactor(Set.of("known-value"));
        assertThat(r.url("https://user:pw@api.example.com:8443/v1/x?api_key=k1&page=2&Token=t%2F2&q=known-value#frag"))
                .isEqualTo("https://" + M + "@api.example.com:8443/v1/x?api_key=" + M + "&page=2&Token=" + M + "&q=" + M
                        + "#frag");
        assertThat(r.url("http://only-user@h/x")).isEqualTo("http://" + M + "@h/x");
        // an @ in the path or query is not user info
        assertThat(r.url("http://h/x/a@b?mail=a@b.io")).isEqualTo("http://h/x/a@b?mail=a@b.io");
        assertThat(r.url(null)).isNull();
    }

    @Test
    void everyOccurrenceAndEverySecretIsHidden() {
        SecretRedactor r = new SecretRedactor(List.of("alpha-1", "beta-22"));
        assertThat(r.text("alpha-1,beta-22,alpha-1")).isEqualTo(M + "," + M + "," + M);
    }

    @Test
    void aSecretContainingAnotherIsHiddenWhole() {
        SecretRedactor r = new SecretRedactor(List.of("abcd", "abcdefgh"));
        assertThat(r.text("x abcdefgh y abcd")).isEqualTo("x " + M + " y " + M);
    }

    @Test
    void shortAndNullSecretsAreIgnored() {
        SecretRedactor r = new SecretRedactor(Arrays.asList("abc", null, "", "a"));
        assertThat(r.text("abc a b c")).isEqualTo("abc a b c");
        assertThat(new SecretRedactor(List.of("abcd")).text("xabcdx")).isEqualTo("x" + M + "x");
    }

    @Test
    void credentialHeadersAreHiddenWholeOthersOnlyTheirSecrets() {
        SecretRedactor r = new SecretRedactor(Set.of("tok-9999"));
        for (String name : List.of("Authorization", "proxy-authorization", "Cookie", "SET-COOKIE", "X-Api-Key", "api-key",
                "X-Auth-Token")) {
            assertThat(r.header(name, "anything at all")).as(name).isEqualTo(M);
            assertThat(SecretRedactor.isSecretHeader(name)).isTrue();
        }
        assertThat(r.header("X-Custom", "Bearer tok-9999")).isEqualTo("Bearer " + M);
        assertThat(r.header("Accept", "application/json")).isEqualTo("application/json");
        assertThat(SecretRedactor.isSecretHeader("Accept")).isFalse();
    }

    @Test
    void jsonMembersNamedLikeCredentialsAreHiddenAtAnyDepth() {
        SecretRedactor r = new SecretRedactor(Set.of("tok-9999"));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("Password", "hunter22");
        inner.put("refresh_token", 12345);
        inner.put("secret", null);
        inner.put("note", "uses tok-9999");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("access_token", "abc");
        doc.put("id", 7);
        doc.put("ok", true);
        doc.put("items", List.of(inner, "tok-9999", 1.5));
        Map<String, Object> expectedInner = new LinkedHashMap<>();
        expectedInner.put("Password", M);
        expectedInner.put("refresh_token", M);
        expectedInner.put("secret", null);
        expectedInner.put("note", "uses " + M);
        assertThat(r.json(doc)).isEqualTo(Map.of("access_token", M, "id", 7, "ok", true,
                "items", List.of(expectedInner, M, 1.5)));
        for (String member : List.of("password", "client_secret", "access_token", "refresh_token", "id_token", "token",
                "api_key", "apikey", "secret")) {
            assertThat(r.json(Map.of(member, "v"))).as(member).isEqualTo(Map.of(member, M));
        }
        assertThat(r.json(Map.of("username", "bob"))).isEqualTo(Map.of("username", "bob"));
    }

    @Test
    void formBodiesHideCredentialFieldsAndKnownSecrets() {
        SecretRedactor r = new SecretRedactor(Set.of("tok-9999"));
        assertThat(r.form("grant_type=password&username=bob&password=hunter22&client%5Fsecret=cs&note=tok-9999&flag&x="))
                .isEqualTo("grant_type=password&username=bob&password=" + M + "&client%5Fsecret=" + M + "&note=" + M + "&flag&x=");
    }

    @Test
    void basicAuthOfEveryPairLengthIsHiddenWhole() {
        // base64 works in groups of 3 bytes: the password's own base64 is inside the pair's only when the
        // "user:" prefix is a multiple of 3 long, so the pair itself has to be a secret (AuthSpec adds it)
        for (String user : List.of("al", "ali", "alic")) {
            for (String password : List.of("pw-secret", "pw-secret1", "pw-secret12")) {
                String pair = user + ":" + password;
                AuthSpec spec = AuthSpec.from(Map.of("type", "basic_auth", "username", user, "password", password), "", null);
                SecretRedactor r = new SecretRedactor(spec.secrets());
                String b64 = java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(pair.length() % 3).isBetween(0, 2);
                assertThat(r.text("sent Basic " + b64 + " to h")).as(pair).isEqualTo("sent Basic " + M + " to h");
            }
        }
    }

    @Test
    void authorizationHeadersWrittenAsTextAreHiddenWhateverTheValue() {
        SecretRedactor r = new SecretRedactor(Set.of());
        assertThat(r.text("> GET /x\n> Authorization: Digest username=\"u\", response=\"abc\"\n> Accept: */*"))
                .isEqualTo("> GET /x\n> Authorization: " + M + "\n> Accept: */*");
        assertThat(r.text("proxy-authorization:Basic dTpw")).isEqualTo("proxy-authorization:" + M);
    }

    @Test
    void passwordsInUrlUserInfoAreHidden() {
        SecretRedactor r = new SecretRedactor(Set.of());
        assertThat(r.text("cannot connect to postgresql://etl:pa%3Ass@db.local:5432/warehouse: refused"))
                .isEqualTo("cannot connect to postgresql://etl:" + M + "@db.local:5432/warehouse: refused");
        assertThat(r.text("postgresql+psycopg2://u:pw!x@h/db and https://a:b@c/d"))
                .isEqualTo("postgresql+psycopg2://u:" + M + "@h/db and https://a:" + M + "@c/d");
        // a port, a path and an @ later in the URL are not user info
        assertThat(r.text("https://api.example.com:8443/v1/users?email=a@b.com"))
                .isEqualTo("https://api.example.com:8443/v1/users?email=a@b.com");
        assertThat(r.text("duckdb:///stage.duckdb")).isEqualTo("duckdb:///stage.duckdb");
    }

    @Test
    void tokenResponseBodiesHideTheirTokensInPlainText() {
        SecretRedactor r = new SecretRedactor(Set.of());
        String body = "{\"access_token\": \"eyJ.a\\\"b.c\", \"token_type\":\"Bearer\",\"refresh_token\":\"r-1\","
                + "\"id_token\" : \"i-2\",\"expires_in\":3600}";
        assertThat(r.text(body)).isEqualTo("{\"access_token\": \"" + M + "\", \"token_type\":\"Bearer\",\"refresh_token\":\""
                + M + "\",\"id_token\" : \"" + M + "\",\"expires_in\":3600}");
    }
}
