package vn.ntm.contracts;

import java.util.Map;

/** Kafka topic names and the partition counts they are created with. */
public final class Topics {
    public static final String CRITERIA_EVENTS = "criteria-events";
    public static final String INSPECTION_EVENTS = "inspection-events";
    public static final String TASK_EVENTS = "task-events";
    /**
     * Reference data as state (compacted): the latest record per key is the current register of a province
     * ({@code admin-units:<province>}), the sector list ({@code sectors}) or a criteria set (its code), each with its
     * snapshot {@code version}. A consumer with a new group reads it from the beginning and holds everything.
     */
    public static final String CRITERIA_REFERENCE = "criteria-reference";

    public static String deadLetter(String topic) {
        return topic + "-dlq";
    }

    /** Every topic the system uses, with its partition count; keys keep per-entity order within a partition. */
    public static Map<String, Integer> all() {
        return Map.of(
                CRITERIA_EVENTS, 1,
                CRITERIA_REFERENCE, 1,
                INSPECTION_EVENTS, 3,
                TASK_EVENTS, 3,
                deadLetter(CRITERIA_EVENTS), 1,
                deadLetter(INSPECTION_EVENTS), 1);
    }

    /** The topics whose {@code cleanup.policy} is {@code compact} (the others: {@code delete}). */
    public static java.util.Set<String> compacted() {
        return java.util.Set.of(CRITERIA_REFERENCE);
    }

    private Topics() {
    }
}
