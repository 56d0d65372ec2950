package vn.ntm.contracts;

import java.util.Map;

/** Kafka topic names and the partition counts they are created with. */
public final class Topics {
    public static final String CRITERIA_EVENTS = "criteria-events";
    public static final String INSPECTION_EVENTS = "inspection-events";
    public static final String TASK_EVENTS = "task-events";

    public static String deadLetter(String topic) {
        return topic + "-dlq";
    }

    /** Every topic the system uses, with its partition count; keys keep per-entity order within a partition. */
    public static Map<String, Integer> all() {
        return Map.of(
                CRITERIA_EVENTS, 1,
                INSPECTION_EVENTS, 3,
                TASK_EVENTS, 3,
                deadLetter(CRITERIA_EVENTS), 1,
                deadLetter(INSPECTION_EVENTS), 1);
    }

    private Topics() {
    }
}
