package vn.ntm.localinfra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks shared by the launcher and the test infrastructure. */
public final class Ports {
    /** Where the kernel's ephemeral range lives; outgoing connections take their local ports from it. */
    static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default ephemeral range, used where the kernel setting cannot be read. */
    static final Range DEFAULT_EPHEMERAL = new Range(32768, 60999);
    /** Ports the machine's own services use (and the services' defaults): never handed out. */
    private static final Set<Integer> RESERVED = Set.of(5432, 3306, 6379, 5672, 1883, 4222, 8081, 8082, 8083, 9081,
            9082, 9083);
    private static final int LOWEST = 10000;
    /** Ports this JVM has handed out already: two callers never get the same one before it is bound. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** An inclusive range of ports. */
    public record Range(int low, int high) {
        public boolean contains(int port) {
            return port >= low && port <= high;
        }
    }

    /** True when nothing accepts connections on the port and it can be bound on the loopback address. */
    public static boolean isFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return false;
        } catch (IOException expected) {
            // nothing listens: check that we may bind it
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A free port outside the kernel's ephemeral range, never handed out before by this JVM. Ports from the
     * ephemeral range (what {@code new ServerSocket(0)} gives) can be taken by any process's outgoing connection
     * between the check and the bind; ports below it are only ever taken by a deliberate bind.
     */
    public static int freePort() {
        return freePort(ephemeralRange());
    }

    static int freePort(Range ephemeral) {
        Range pool = poolOutside(ephemeral);
        int size = pool.high() - pool.low() + 1;
        int start = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < size; i++) {
            int port = pool.low() + (start + i) % size;
            if (RESERVED.contains(port) || ephemeral.contains(port) || HANDED_OUT.contains(port)) {
                continue;
            }
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + pool.low() + "-" + pool.high()
                + " (outside the ephemeral range " + ephemeral.low() + "-" + ephemeral.high() + ")");
    }

    /** The larger of the stretches below and above the ephemeral range, within 10000-65535. */
    static Range poolOutside(Range ephemeral) {
        Range below = new Range(LOWEST, Math.min(65535, ephemeral.low() - 1));
        Range above = new Range(Math.max(LOWEST, ephemeral.high() + 1), 65535);
        int belowSize = below.high() - below.low();
        int aboveSize = above.high() - above.low();
        if (belowSize < 100 && aboveSize < 100) {
            // the ephemeral range covers (nearly) everything: fall back to binding-checked ports anywhere
            return new Range(1024, 65535);
        }
        return belowSize >= aboveSize ? below : above;
    }

    /** The kernel's ephemeral port range, or Linux's default where it cannot be read. */
    public static Range ephemeralRange() {
        try {
            // /proc files report a size of 0: read them as a stream, not by size
            String[] parts = readProcFile(EPHEMERAL_RANGE).trim().split("\\s+");
            return new Range(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL;
        }
    }

    static String readProcFile(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private Ports() {
    }
}
