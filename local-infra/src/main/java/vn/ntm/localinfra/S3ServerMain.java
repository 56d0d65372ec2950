package vn.ntm.localinfra;

/**
 * Entry point of the S3-compatible server's JVM: runs S3Proxy's {@code org.gaul.s3proxy.Main} and halts when the
 * JVM that started it is gone, so a killed test run never leaves a server behind.
 */
public final class S3ServerMain {
    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(0));
        Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {"--properties", args[1]});
    }

    private S3ServerMain() {
    }
}
