package vn.ntm.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code ntm.inspection.corrected} (topic {@code inspection-events}, key = inspection id): a finalized
 * inspection's findings were corrected (đính chính). {@code version} is the new version of its findings (the
 * finalized record is version 1; each correction adds one); {@code inspection} is the whole record as corrected,
 * in the shape of {@code ntm.inspection.finalized}, so a consumer never calls back. Consumers apply the highest
 * version they have seen of each inspection, whatever order the events arrive in.
 */
public record InspectionCorrected(
        int schemaVersion,
        UUID inspectionId,
        int version,
        String reason,
        String correctedBy,
        Instant correctedAt,
        InspectionFinalized inspection) {

    public static final int SCHEMA_VERSION = 1;

    /** The versions of this event a consumer of this release can read. */
    public static boolean readable(int schemaVersion) {
        return schemaVersion == SCHEMA_VERSION;
    }
}
