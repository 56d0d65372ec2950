package vn.ntm.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator in its own process: GETs random URLs from a file for a fixed time, either closed-loop at a
 * fixed concurrency ({@code rate = 0}) or open-loop at a fixed request rate, and prints one result line:
 * {@code requests errors rps p50ms p99ms}. The {@code Authorization} header value comes from the environment
 * variable {@code NTM_BENCH_AUTHORIZATION}.
 *
 * <p>{@code concurrency} threads, each with one keep-alive HTTP/1.1 connection on a plain blocking socket (reading
 * {@code Content-Length} and chunked bodies: a page of tasks larger than the server's buffer comes chunked), so the
 * generator costs about what a native client costs. Open loop: request {@code i} is due at {@code start + i / rate};
 * the next free thread takes the next due request, waits for its time and sends it, and its latency counts from
 * when it was due, not from when it was sent (no coordinated omission: a request due while every connection is busy
 * waits, and that wait counts). Requests due but not sent within 10 s after the end count as errors.
 *
 * <p>The JDK's {@code HttpClient} this replaced measured itself: its selector and executor threads, on two cores
 * shared with the service, fell seconds behind at 200 requests/s and its end-of-run accounting then charged every
 * request still due with the whole run's length.
 */
public final class LoadGenerator {
    private static final long GRACE = TimeUnit.SECONDS.toNanos(10);

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        int concurrency = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        String authorization = System.getenv("NTM_BENCH_AUTHORIZATION");
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        double interval = rate > 0 ? 1e9 / rate : 0;
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                Connection connection = null;
                while (true) {
                    long due;
                    if (rate > 0) {
                        due = start + (long) (next.getAndIncrement() * interval);
                        // a service far slower than the rate: what is still due 10 s after the end is not sent
                        if (due >= end || System.nanoTime() > end + GRACE) {
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    } else {
                        due = System.nanoTime();
                        if (due >= end) {
                            break;
                        }
                    }
                    URI url = URI.create(urls.get(ThreadLocalRandom.current().nextInt(urls.size())));
                    try {
                        if (connection == null) {
                            connection = new Connection(url);
                        }
                        if (connection.get(url, authorization) != 200) {
                            errors.incrementAndGet();
                        }
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(System.nanoTime() - due, histogram.getHighestTrackableValue()));
                    }
                    requests.incrementAndGet();
                }
                if (connection != null) {
                    connection.close();
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long finished = System.nanoTime();
        if (rate > 0) {
            // due within the run but never sent (every connection busy until the end): errors, as late as the run
            long dueInRun = (long) Math.ceil((end - start) / interval);
            long unsent = Math.max(0, dueInRun - requests.get());
            errors.addAndGet(unsent);
            requests.addAndGet(unsent);
            if (unsent > 0) {
                synchronized (histogram) {
                    histogram.recordValueWithCount(Math.min(finished - start, histogram.getHighestTrackableValue()),
                            unsent);
                }
            }
        }
        double elapsed = (Math.max(finished, end) - start) / 1e9;
        System.out.printf("%d %d %.1f %.2f %.2f%n", requests.get(), errors.get(), requests.get() / elapsed,
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6);
        System.exit(0);
    }

    /** One keep-alive HTTP/1.1 connection. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] skip = new byte[16384];
        /** The server said it closes the connection after this answer. */
        boolean closed;

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }

        /** Sends a GET and reads the whole answer; returns its status. */
        int get(URI url, String authorization) throws IOException {
            String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header; !(header = line()).isEmpty(); ) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (name.equals("connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                while (true) {
                    String size = line();
                    int semicolon = size.indexOf(';');
                    long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    discard(n);
                    line();
                }
            } else if (length >= 0) {
                discard(length);
            } else {
                close = true; // read to the end of the connection
                while (in.read(skip) >= 0) {
                    // discard
                }
            }
            closed = close;
            return status;
        }

        private void discard(long n) throws IOException {
            while (n > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, n));
                if (read < 0) {
                    throw new IOException("the answer ended early");
                }
                n -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("the answer ended early");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private LoadGenerator() {
    }
}
