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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator in its own process: GETs random URLs from a file for a fixed time, either closed-loop at a
 * fixed concurrency ({@code rate = 0}) or open-loop at a fixed request rate, and prints one result line:
 * {@code requests errors rps p50ms p99ms}. The {@code Authorization} header value comes from the environment
 * variable {@code NTM_BENCH_AUTHORIZATION}. HTTP/1.1 with keep-alive (no h2c upgrade attempt).
 *
 * <p>Open loop: one thread sends by an absolute timetable (request {@code i} is due at {@code start + i / rate}),
 * asynchronously, so a slow answer never delays the next send; each latency counts from when the request was due,
 * not from when it was sent, so a generator or a server that falls behind shows it (no coordinated omission).
 * At most {@code concurrency} requests are in flight (as many connections); one due while all are busy waits for a
 * free one, its wait counted. Requests due but not answered by the end count as errors. The responses are handled
 * by two threads: on two shared cores a generator with dozens of busy threads measures
 * itself as much as the service.
 */
public final class LoadGenerator {
    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        int concurrency = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        String authorization = System.getenv("NTM_BENCH_AUTHORIZATION");
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        if (rate > 0) {
            openLoop(urls, authorization, concurrency, rate, start, end, histogram, requests, errors);
        } else {
            closedLoop(urls, authorization, concurrency, end, histogram, requests, errors);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d %d %.1f %.2f %.2f%n", requests.get(), errors.get(), requests.get() / elapsed,
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6);
        System.exit(0);
    }

    private static HttpRequest request(List<String> urls, String authorization) {
        String url = urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static void record(Histogram histogram, long due) {
        synchronized (histogram) {
            histogram.recordValue(Math.min(System.nanoTime() - due, histogram.getHighestTrackableValue()));
        }
    }

    private static void openLoop(List<String> urls, String authorization, int concurrency, double rate, long start,
                                 long end, Histogram histogram, AtomicLong requests, AtomicLong errors)
            throws Exception {
        // at most `concurrency` requests in flight, as many connections (wrk2's model): a request due while all are
        // busy waits in the generator, and that wait counts in its latency
        java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(concurrency);
        ExecutorService responses = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(responses)
                .connectTimeout(Duration.ofSeconds(5)).build();
        double interval = 1e9 / rate;
        AtomicLong outstanding = new AtomicLong();
        for (long i = 0; ; i++) {
            long due = start + (long) (i * interval);
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!connections.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            outstanding.incrementAndGet();
            CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(request(urls, authorization),
                    HttpResponse.BodyHandlers.discarding());
            sent.whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                record(histogram, due);
                requests.incrementAndGet();
                outstanding.decrementAndGet();
                connections.release();
            });
        }
        // the answers still due are waited for (at most the request timeout): they count, late as they are
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(31);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // requests due but never sent in time, and answers that never came: errors, at the longest latency seen
        long due = (long) ((end - start) / interval);
        long unanswered = Math.max(0, due - requests.get());
        errors.addAndGet(unanswered);
        synchronized (histogram) {
            histogram.recordValueWithCount(Math.min(System.nanoTime() - start, histogram.getHighestTrackableValue()),
                    unanswered);
        }
        requests.addAndGet(unanswered);
        responses.shutdownNow();
    }

    private static void closedLoop(List<String> urls, String authorization, int concurrency, long end,
                                   Histogram histogram, AtomicLong requests, AtomicLong errors) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long due = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request(urls, authorization),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    record(histogram, due);
                    requests.incrementAndGet();
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private LoadGenerator() {
    }
}
