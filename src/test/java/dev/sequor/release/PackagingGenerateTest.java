package dev.sequor.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/generate}, which the release workflow runs on the files it publishes, on fake release files: the
 * checksums are the files' real SHA-256, the Homebrew formula and the scoop manifest point each platform at its own
 * file with that file's checksum, and a missing file stops it before anything is written.
 */
class PackagingGenerateTest {

    private static final List<String> EXECUTABLES = List.of("sequor-linux-amd64", "sequor-linux-arm64",
            "sequor-macos-arm64", "sequor-macos-amd64", "sequor-windows-amd64.exe");

    @TempDir
    Path dist;

    private void fakeRelease(String version) throws IOException {
        for (String f : EXECUTABLES) {
            Files.writeString(dist.resolve(f), "fake executable " + f + "\n");
        }
        Files.writeString(dist.resolve("sequor-" + version + ".tar.gz"), "fake tar\n");
        Files.writeString(dist.resolve("sequor-" + version + ".zip"), "fake zip\n");
    }

    @Test
    void checksumsFormulaAndManifestNameEachFileWithItsOwnHash() throws Exception {
        fakeRelease("1.2.3");
        Result r = generate("1.2.3", "acme/sequor");
        assertThat(r.exit).as(r.output).isZero();

        List<String> sums = Files.readAllLines(dist.resolve("SHA256SUMS"));
        assertThat(sums).hasSize(7).contains(sha256("sequor-linux-arm64") + "  sequor-linux-arm64",
                sha256("sequor-1.2.3.tar.gz") + "  sequor-1.2.3.tar.gz", sha256("sequor-1.2.3.zip") + "  sequor-1.2.3.zip");

        String formula = Files.readString(dist.resolve("sequor.rb"));
        assertThat(formula).contains("version \"1.2.3\"").doesNotContain("@");
        for (String f : EXECUTABLES.subList(0, 4)) {
            assertThat(formula).contains("url \"https://github.com/acme/sequor/releases/download/v1.2.3/" + f
                    + "\"\n      sha256 \"" + sha256(f) + "\"");
        }

        JsonNode scoop = new ObjectMapper().readTree(dist.resolve("sequor.json").toFile());
        assertThat(scoop.get("version").asText()).isEqualTo("1.2.3");
        JsonNode windows = scoop.at("/architecture/64bit");
        assertThat(windows.get("url").asText()).isEqualTo(
                "https://github.com/acme/sequor/releases/download/v1.2.3/sequor-windows-amd64.exe#/sequor.exe");
        assertThat(windows.get("hash").asText()).isEqualTo(sha256("sequor-windows-amd64.exe"));
        assertThat(scoop.get("bin").asText()).isEqualTo("sequor.exe");
    }

    @Test
    void aMissingReleaseFileStopsItBeforeAnythingIsWritten() throws Exception {
        fakeRelease("1.2.3");
        Files.delete(dist.resolve("sequor-macos-amd64"));
        Result r = generate("1.2.3", "acme/sequor");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.output.strip()).isEqualTo("error: " + dist.resolve("sequor-macos-amd64")
                + " is missing; every release file must be there before checksums and manifests are made");
        assertThat(dist.resolve("SHA256SUMS")).doesNotExist();
        assertThat(dist.resolve("sequor.rb")).doesNotExist();
    }

    @Test
    void theArchivesMustBeOfTheVersionGiven() throws Exception {
        fakeRelease("1.2.3");
        Result r = generate("1.2.4", "acme/sequor");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.output).contains("sequor-1.2.4.tar.gz is missing");
    }

    private String sha256(String file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dist.resolve(file))));
    }

    private record Result(int exit, String output) {
    }

    private Result generate(String version, String repository) throws Exception {
        Process p = new ProcessBuilder("bash", "packaging/generate", version, repository, dist.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
