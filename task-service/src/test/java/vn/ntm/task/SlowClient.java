package vn.ntm.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A client that sends a GET and then reads as little as it likes, over a socket with a small receive window: the
 * server's writes soon block on it, as on a slow mobile connection; {@link #close} leaves without reading the rest.
 */
public final class SlowClient implements AutoCloseable {
    private final Socket socket;

    private SlowClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the test server of {@code base} and sends {@code GET path} with {@code bearer}. */
    public static SlowClient get(URL base, String path, String bearer) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAuthorization: " + bearer + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new SlowClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of the answer, reading no more than its first line. */
    public int status() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                line.write(b);
            }
            String text = line.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(text.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            // a reset, as a client that gives up (closing with unread data sends one anyway)
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
