package vn.ntm.localinfra;

/**
 * Entry point of the broker's JVM: runs {@code kafka.Kafka} and halts when the JVM that started it is gone, so a
 * killed test run or launcher never leaves a broker behind. Arguments: the parent's pid, the server properties and,
 * for a log directory not yet formatted, the cluster id to format it with first (Kafka's {@code StorageTool} in this
 * JVM: a JVM of its own for it cost a second or two of every fresh start).
 */
public final class KafkaBrokerMain {
    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(0));
        if (args.length > 2) {
            int formatted = (int) Class.forName("kafka.tools.StorageTool")
                    .getMethod("execute", String[].class, java.io.PrintStream.class)
                    .invoke(null, new String[] {"format", "--cluster-id=" + args[2], "--config=" + args[1]},
                            System.out);
            if (formatted != 0) {
                System.out.println("formatting the Kafka log directory failed (" + formatted + ")");
                Runtime.getRuntime().halt(formatted);
            }
        }
        Class.forName("kafka.Kafka").getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {args[1]});
    }

    private KafkaBrokerMain() {
    }
}
