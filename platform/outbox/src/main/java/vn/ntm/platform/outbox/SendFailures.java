package vn.ntm.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedForMessageFormatException;

/** Which failed sends can never succeed, however often they are retried, and which refuse the client itself. */
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

    /**
     * True when the client itself is refused, whatever the record: the broker rejected its credentials or TLS
     * handshake ({@code AuthenticationException}), its cluster-wide permissions, or the client could not even be
     * built from its configuration (a missing trust store, an unknown SASL mechanism). Never the row's fault:
     * nothing counts as an attempt, and only the operator can end it. A topic the client may not write to is not
     * this: its rows fail and are parked after their attempts while the other topics' rows go on.
     */
    static boolean isClientRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException
                    || t instanceof AuthorizationException && !(t instanceof TopicAuthorizationException)
                    || t instanceof ConfigException || t instanceof KafkaException && t.getMessage() != null
                    && t.getMessage().startsWith("Failed to construct kafka")) {
                return true;
            }
        }
        return false;
    }

    /** True when the records of the failed record's topic are refused (no write permission on that topic). */
    static boolean isTopicRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TopicAuthorizationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What goes into {@code last_error} and the log: the exception type and message, and the deepest cause's when it
     * says more (a client that could not be built names the missing trust store there), bounded.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        Throwable deepest = root;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        if (deepest != root && deepest.getMessage() != null && !text.contains(deepest.getMessage())) {
            text += " (caused by " + deepest.getClass().getSimpleName() + ": " + deepest.getMessage() + ")";
        }
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
