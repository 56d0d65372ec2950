package vn.ntm.localinfra;

/**
 * Entry point of the broker's JVM: runs {@code kafka.Kafka} and halts when the JVM that started it is gone, so a
 * killed test run or launcher never leaves a broker behind.
 */
public final class KafkaBrokerMain {
    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(0));
        Class.forName("kafka.Kafka").getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {args[1]});
    }

    private KafkaBrokerMain() {
    }
}
