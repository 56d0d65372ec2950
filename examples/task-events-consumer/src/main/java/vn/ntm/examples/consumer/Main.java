package vn.ntm.examples.consumer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar task-events-consumer.jar --bootstrap host:9092 --tasks-url https://…/ --token-file token.txt
 * [--state-dir state] [--topic task-events] [--province 20] [--kafka-config client.properties]
 * [--feed-overlap PT1H]}: runs until stopped (SIGTERM, Ctrl-C), saving its state on the way out.
 */
public final class Main {

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Properties kafka = new Properties();
        if (options.containsKey("kafka-config")) {
            try (Reader in = Files.newBufferedReader(Path.of(options.get("kafka-config")), StandardCharsets.UTF_8)) {
                kafka.load(in);
            }
        }
        TaskEventsConsumer consumer = new TaskEventsConsumer(new TaskEventsConsumer.Settings(
                required(options, "bootstrap"), options.getOrDefault("topic", "task-events"),
                required(options, "tasks-url"), Path.of(required(options, "token-file")),
                Path.of(options.getOrDefault("state-dir", "task-events-consumer-state")), options.get("province"),
                Duration.parse(options.getOrDefault("feed-overlap", "PT1H")), kafka));
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::close, "task-events-consumer-stop"));
        consumer.run();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                usage("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                usage("no value for " + arg);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            usage("--" + name + " is required");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar task-events-consumer.jar --bootstrap <host:port> --tasks-url <url>"
                + " --token-file <file> [--state-dir <dir>] [--topic task-events] [--province <code>]"
                + " [--kafka-config <client.properties>] [--feed-overlap PT1H]");
        System.exit(2);
    }

    private Main() {
    }
}
