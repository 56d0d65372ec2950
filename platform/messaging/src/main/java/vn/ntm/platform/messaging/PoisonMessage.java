package vn.ntm.platform.messaging;

/** A record that can never be processed: it goes to the dead-letter topic at once, without retries. */
public class PoisonMessage extends RuntimeException {
    public PoisonMessage(String reason) {
        super(reason);
    }

    public PoisonMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
