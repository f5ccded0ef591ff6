package dev.sequor.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which environment variables are secrets: names with KEY, TOKEN, SECRET, PASSWORD or AUTH, and the {@code secrets:} list. */
class EnvironmentSecretsTest {

    @TempDir
    Path home;

    private Environment load(String yaml) throws Exception {
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/dev.yaml"), yaml);
        return Environment.load(SequorHome.resolve(home.toString()), "dev");
    }

    @Test
    void namesThatSayCredentialAndListedNamesAreSecret() throws Exception {
        Environment env = load("""
                variables:
                  api_key: k-1111
                  crm_Token: t-2222
                  client_secret: s-3333
                  DB_PASSWORD: p-4444
                  oauth_header: a-5555
                  sftp_login: l-6666
                  base_url: http://x
                  page_size: 100
                  monkey: m-7777
                secrets: [sftp_login]
                """);
        assertThat(env.secretNames()).containsExactly("sftp_login");
        assertThat(env.secretValues()).containsExactlyInAnyOrder("k-1111", "t-2222", "s-3333", "p-4444", "a-5555",
                "l-6666", "m-7777");
    }

    @Test
    void secretsMustBeAList() {
        assertThatThrownBy(() -> load("variables: {a: 1}\nsecrets: a\n")).isInstanceOf(SequorException.class)
                .hasMessageContaining("'secrets' must be a list of variable names");
    }
}
