package vn.ntm.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_*} headers and the
 * record value is the JSON {@code data}. The event id is the consumers' idempotency key.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";

    /**
     * {@code ce_dataschema} values: the JSON Schema of each event's current data version (the data's own
     * {@code schemaVersion} says the same; consumers decide on it). Version 1 events carried no {@code ce_dataschema}.
     */
    public static final String SCHEMA_BASE = "https://ntm.vn/contracts/schemas/";
    public static final String INSPECTION_FINALIZED_V2_SCHEMA = SCHEMA_BASE + "inspection-finalized.v2.schema.json";
    public static final String TASK_EVENT_V2_SCHEMA = SCHEMA_BASE + "task-event.v2.schema.json";
    public static final String TASK_EVENT_V3_SCHEMA = SCHEMA_BASE + "task-event.v3.schema.json";
    public static final String TASK_REASSIGNED_V2_SCHEMA = SCHEMA_BASE + "task-reassigned.v2.schema.json";
    public static final String TASK_REASSIGNED_V3_SCHEMA = SCHEMA_BASE + "task-reassigned.v3.schema.json";
    /** Version 1 extension events carried no {@code ce_dataschema}. */
    public static final String TASK_EXTENSION_V2_SCHEMA = SCHEMA_BASE + "task-extension.v2.schema.json";
    public static final String SECTORS_CHANGED_V2_SCHEMA = SCHEMA_BASE + "sectors-changed.v2.schema.json";
    public static final String JSON = "application/json";

    /** Headers a dead-lettered record carries besides its original ones. */
    public static final String DLQ_REASON = "dead-letter-reason";

    /** The binary-mode headers of one event, in a stable order. */
    public static java.util.Map<String, String> of(String id, String type, String source, java.time.Instant time,
                                                   String subject) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.put(ID, id);
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(TIME, time.toString());
        if (subject != null) {
            headers.put(SUBJECT, subject);
        }
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    private CloudEventHeaders() {
    }
}
