package vn.ntm.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedForMessageFormatException;

/** Which failed sends can never succeed, however often they are retried. */
final class SendFailures {

    /** True when the broker (or the producer) can never accept this record as it is. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof SerializationException
                    || t instanceof InvalidRecordException || t instanceof UnsupportedForMessageFormatException
                    || t instanceof UnreadableRow) {
                return true;
            }
        }
        return false;
    }

    /** What goes into {@code last_error}: the exception type and message, bounded. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    /** A row whose stored headers cannot be turned into Kafka headers. */
    static final class UnreadableRow extends RuntimeException {
        UnreadableRow(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SendFailures() {
    }
}
