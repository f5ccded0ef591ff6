package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Bodies decoded as requests decodes them: gzip, deflate with and without its zlib header, and nothing else. */
class ContentDecodingTest {

    private static final byte[] JSON = "{\"items\": [1, 2, 3], \"note\": \"é\"}".getBytes(StandardCharsets.UTF_8);
    private static final long LIMIT = 1 << 20;

    @Test
    void gzipAndXGzipAreDecoded() throws IOException {
        assertThat(ContentDecoding.decode(gzip(JSON), List.of("gzip"), LIMIT)).isEqualTo(JSON);
        assertThat(ContentDecoding.decode(gzip(JSON), List.of("X-GZIP"), LIMIT)).isEqualTo(JSON);
    }

    @Test
    void deflateIsDecodedWithOrWithoutItsZlibHeader() throws IOException {
        assertThat(ContentDecoding.decode(deflate(JSON, false), List.of("deflate"), LIMIT)).isEqualTo(JSON);
        assertThat(ContentDecoding.decode(deflate(JSON, true), List.of("deflate"), LIMIT)).isEqualTo(JSON);
    }

    @Test
    void encodingsAppliedInTurnAreUndoneInTurn() throws IOException {
        byte[] twice = gzip(deflate(JSON, false));
        assertThat(ContentDecoding.decode(twice, List.of("deflate, gzip"), LIMIT)).isEqualTo(JSON);
        assertThat(ContentDecoding.decode(twice, List.of("deflate", "gzip"), LIMIT)).isEqualTo(JSON);
    }

    @Test
    void identityNoEncodingAndAnEmptyBodyStayAsTheyAre() throws IOException {
        assertThat(ContentDecoding.decode(JSON, List.of("identity"), LIMIT)).isEqualTo(JSON);
        assertThat(ContentDecoding.decode(JSON, List.of(), LIMIT)).isEqualTo(JSON);
        assertThat(ContentDecoding.decode(new byte[0], List.of("gzip"), LIMIT)).isEmpty();
    }

    @Test
    void anEncodingNotAskedForIsLeftAsItCame() throws IOException {
        byte[] brotliLike = {1, 2, 3};
        assertThat(ContentDecoding.decode(brotliLike, List.of("br"), LIMIT)).isEqualTo(brotliLike);
        // gzip applied after br: gzip is undone, br stays
        assertThat(ContentDecoding.decode(gzip(brotliLike), List.of("br, gzip"), LIMIT)).isEqualTo(brotliLike);
    }

    @Test
    void aBodyThatIsNotWhatItSaysFailsWithASentence() throws IOException {
        assertThatThrownBy(() -> ContentDecoding.decode(JSON, List.of("gzip"), LIMIT)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("the response says Content-Encoding gzip but its body is not valid gzip (");
        assertThatThrownBy(() -> ContentDecoding.decode(JSON, List.of("deflate"), LIMIT)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("the response says Content-Encoding deflate but its body is not valid deflate (");
        byte[] cut = java.util.Arrays.copyOf(gzip(JSON), 15);
        assertThatThrownBy(() -> ContentDecoding.decode(cut, List.of("gzip"), LIMIT)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("the response says Content-Encoding gzip but its body is not valid gzip");
    }

    @Test
    void theDecodedBodyIsHeldToTheLimitToo() throws IOException {
        byte[] zeros = new byte[5_000_000];
        byte[] bomb = gzip(zeros);
        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> ContentDecoding.decode(bomb, List.of("gzip"), 1_000_000))
                .isInstanceOf(ResponseTooLarge.class);
        assertThat(ContentDecoding.decode(bomb, List.of("gzip"), 5_000_000)).hasSize(5_000_000);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
