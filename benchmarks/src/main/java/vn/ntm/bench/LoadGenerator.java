package vn.ntm.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator in its own process: GETs random URLs from a file for a fixed time, either closed-loop at a
 * fixed concurrency ({@code rate = 0}) or open-loop at a fixed request rate, and prints one result line:
 * {@code requests errors rps p50ms p99ms}. Latency of an open-loop request counts from when it was due. The
 * {@code Authorization} header value comes from the environment variable {@code NTM_BENCH_AUTHORIZATION}.
 */
public final class LoadGenerator {
    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        int concurrency = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = System.getenv("NTM_BENCH_AUTHORIZATION");
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong ticket = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                while (true) {
                    long due = System.nanoTime();
                    if (interval > 0) {
                        due = start + ticket.getAndIncrement() * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    if (due >= end) {
                        return;
                    }
                    String url = urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
                    try {
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(System.nanoTime() - due, histogram.getHighestTrackableValue()));
                    }
                    requests.incrementAndGet();
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d %d %.1f %.2f %.2f%n", requests.get(), errors.get(), requests.get() / elapsed,
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6);
    }

    private LoadGenerator() {
    }
}
