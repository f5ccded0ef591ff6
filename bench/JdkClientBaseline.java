import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor for W2 in a fresh JVM: N POSTs of a small JSON body to BASE/sync/I with PARALLEL in flight, sent by the
 * JDK's own HttpClient and nothing else (no templates, no table, no Sequor). Run it the way the launcher runs Sequor,
 * against the mock bench/declarative starts (mock_api.py --latency-ms 20):
 *
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC bench/JdkClientBaseline.java http://127.0.0.1:PORT 1000 32
 *
 * Prints the requests, the failures, the seconds from the first request to the last answer and the rate.
 */
public class JdkClientBaseline {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = Integer.parseInt(args[1]);
        int parallel = Integer.parseInt(args[2]);
        long start = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).build();
        Semaphore slots = new Semaphore(parallel);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/sync/" + i))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"user" + i + "@example.com\",\"score\":\""
                            + (i * 37 % 500) + "\"}"))
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                slots.release();
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d requests, %d failed, %.3f s, %.0f req/s%n", n, failed.get(), seconds, n / seconds);
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
