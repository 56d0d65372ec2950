package vn.ntm.platform.http.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The access log lines (platform-http's {@code AccessLog}, category {@value #CATEGORY}) written while open. The
 * tests' configuration keeps the category above INFO; this raises it to INFO for the test's own requests and keeps
 * the lines off the console, then puts everything back.
 */
public final class AccessLogLines implements AutoCloseable {
    public static final String CATEGORY = "vn.ntm.access";

    private final Logger logger = Logger.getLogger(CATEGORY);
    private final Level level;
    private final boolean parentHandlers;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private AccessLogLines() {
        level = logger.getLevel();
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.setLevel(Level.INFO);
    }

    public static AccessLogLines capture() {
        return new AccessLogLines();
    }

    /** The lines so far, oldest first. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.setLevel(level);
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parentHandlers);
    }
}
