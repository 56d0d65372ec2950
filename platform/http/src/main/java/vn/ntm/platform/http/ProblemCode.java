package vn.ntm.platform.http;

import vn.ntm.platform.i18n.LocalizedText;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every {@code code} a problem answer of the three services can carry: the registry behind {@code GET /problems}
 * ({@link ProblemCatalogResource}) and the table in the repository's README "Errors" ({@code ProblemCodesTest}
 * fails when they differ). The first constants are the kinds' own codes ({@link ProblemKind}); the others are
 * specific refusals within a kind, whose {@code type} stays the kind's. Codes are public: add, never rename.
 * Each code's title and meaning are catalog keys {@code problem.code.<CODE>} and {@code problem.code.<CODE>.meaning}.
 */
public enum ProblemCode {
    VALIDATION(ProblemKind.VALIDATION, Scope.ALL, 400, 422),
    MALFORMED_REQUEST(ProblemKind.MALFORMED_REQUEST, Scope.ALL, 400),
    UNAUTHENTICATED(ProblemKind.UNAUTHENTICATED, Scope.ALL, 401),
    FORBIDDEN(ProblemKind.FORBIDDEN, Scope.ALL, 403),
    NOT_FOUND(ProblemKind.NOT_FOUND, Scope.ALL, 404),
    METHOD_NOT_ALLOWED(ProblemKind.METHOD_NOT_ALLOWED, Scope.ALL, 405),
    NOT_ACCEPTABLE(ProblemKind.NOT_ACCEPTABLE, Scope.ALL, 406),
    CONFLICT(ProblemKind.CONFLICT, Scope.ALL, 409),
    STALE_VERSION(ProblemKind.STALE_VERSION, Scope.ALL, 412),
    TOO_LARGE(ProblemKind.TOO_LARGE, Scope.ALL, 413),
    URI_TOO_LONG(ProblemKind.URI_TOO_LONG, Scope.ALL, 414),
    UNSUPPORTED_MEDIA_TYPE(ProblemKind.UNSUPPORTED_MEDIA_TYPE, Scope.ALL, 415),
    PRECONDITION_REQUIRED(ProblemKind.PRECONDITION_REQUIRED, Scope.ALL, 428),
    REQUEST_REFUSED(ProblemKind.REQUEST_REFUSED, Scope.ALL, 400),
    INTERNAL(ProblemKind.INTERNAL, Scope.ALL, 500),
    UNAVAILABLE(ProblemKind.UNAVAILABLE, Scope.ALL, 503),

    // criteria-service
    DUPLICATE_CRITERIA_SET(ProblemKind.CONFLICT, Scope.CRITERIA, 409),
    CRITERIA_SET_FROZEN(ProblemKind.CONFLICT, Scope.CRITERIA, 409),
    CRITERIA_SET_NOT_PUBLISHED(ProblemKind.CONFLICT, Scope.CRITERIA, 409),
    DUPLICATE_PROVINCE(ProblemKind.CONFLICT, Scope.CRITERIA, 409),
    PUBLISH_RULES_BROKEN(ProblemKind.VALIDATION, Scope.CRITERIA, 422),
    THRESHOLD_INVALID(ProblemKind.VALIDATION, Scope.CRITERIA, 422),
    EVALUATION_INVALID(ProblemKind.VALIDATION, Scope.CRITERIA, 422),
    REGION_UNKNOWN(ProblemKind.VALIDATION, Scope.CRITERIA, 422),
    NOT_A_COMMUNE(ProblemKind.VALIDATION, Scope.CRITERIA, 422),
    IMPORT_FILE_UNRECOGNIZED(ProblemKind.VALIDATION, Scope.CRITERIA, 422),
    IMPORT_REJECTED(ProblemKind.VALIDATION, Scope.CRITERIA, 422),

    // criteria-service and inspection-service
    UNIT_NOT_VALID_ON_DATE(ProblemKind.VALIDATION, Scope.CRITERIA_INSPECTION, 422),

    // inspection-service
    INSPECTION_FINALIZED(ProblemKind.CONFLICT, Scope.INSPECTION, 409),
    INSPECTION_NOT_FINALIZED(ProblemKind.CONFLICT, Scope.INSPECTION, 409),
    INSPECTION_INCOMPLETE(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    EVENT_TOO_LARGE(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    IDEMPOTENCY_KEY_IN_USE(ProblemKind.CONFLICT, Scope.INSPECTION, 409),
    IDEMPOTENCY_KEY_REUSED(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    UNIT_OUTSIDE_SCOPE(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    UNIT_NAME_MISMATCH(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    UNKNOWN_ORGANISATION(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    CRITERIA_SET_NOT_AVAILABLE(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    CRITERIA_SET_WRONG_TIER(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    DUPLICATE_IN_REQUEST(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    UNKNOWN_CRITERION(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    DEADLINE_BEFORE_INSPECTION(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    STATED_MET_ABOVE_SET(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    FIGURE_BASIS_WITHOUT_FIGURE(ProblemKind.VALIDATION, Scope.INSPECTION, 422),
    REGISTER_NOT_LOADED(ProblemKind.UNAVAILABLE, Scope.INSPECTION, 503),
    SECTORS_NOT_LOADED(ProblemKind.UNAVAILABLE, Scope.INSPECTION, 503),
    NOTICE_TEMPLATE_INVALID(ProblemKind.VALIDATION, Scope.INSPECTION, 422),

    // task-service
    TRANSITION_NOT_ALLOWED(ProblemKind.CONFLICT, Scope.TASK, 409),
    ASSIGNEE_ONLY(ProblemKind.FORBIDDEN, Scope.TASK, 403),
    VERIFIER_ONLY(ProblemKind.FORBIDDEN, Scope.TASK, 403),
    TASK_READ_ONLY(ProblemKind.FORBIDDEN, Scope.TASK, 403),
    REASON_REQUIRED(ProblemKind.VALIDATION, Scope.TASK, 422),
    REPORT_REQUIRED(ProblemKind.VALIDATION, Scope.TASK, 422),
    EVIDENCE_REQUIRED(ProblemKind.VALIDATION, Scope.TASK, 422),
    TASK_CLOSED(ProblemKind.CONFLICT, Scope.TASK, 409),
    TASK_NOT_ACTIVE(ProblemKind.CONFLICT, Scope.TASK, 409),
    REASSIGNMENT_INVALID(ProblemKind.VALIDATION, Scope.TASK, 422),
    ALREADY_ASSIGNED(ProblemKind.VALIDATION, Scope.TASK, 422),
    UNKNOWN_ASSIGNEE(ProblemKind.VALIDATION, Scope.TASK, 422),
    ASSIGNEE_NOT_VALID(ProblemKind.VALIDATION, Scope.TASK, 422),
    ASSIGNEE_OF_ANOTHER_PROVINCE(ProblemKind.VALIDATION, Scope.TASK, 422),
    EXTENSION_INVALID(ProblemKind.VALIDATION, Scope.TASK, 422),
    EXTENSION_PENDING(ProblemKind.CONFLICT, Scope.TASK, 409),
    EXTENSION_DECIDED(ProblemKind.CONFLICT, Scope.TASK, 409),
    RULE_PERIOD_REVERSED(ProblemKind.VALIDATION, Scope.TASK, 422),
    RULE_PERIOD_OVERLAP(ProblemKind.CONFLICT, Scope.TASK, 409),
    ONE_FILE_REQUIRED(ProblemKind.VALIDATION, Scope.TASK, 422),
    FILE_EMPTY(ProblemKind.VALIDATION, Scope.TASK, 422),
    FILE_NAME_INVALID(ProblemKind.VALIDATION, Scope.TASK, 422),
    EVIDENCE_REPORTED(ProblemKind.CONFLICT, Scope.TASK, 409),
    EVIDENCE_UPLOADER_ONLY(ProblemKind.FORBIDDEN, Scope.TASK, 403),
    EXPORT_TOO_LARGE(ProblemKind.VALIDATION, Scope.TASK, 422),
    EXPORTS_BUSY(ProblemKind.UNAVAILABLE, Scope.TASK, 503),
    DOWNLOADS_BUSY(ProblemKind.UNAVAILABLE, Scope.TASK, 503);

    /** Which services answer a code. */
    public enum Scope {
        ALL("all"),
        CRITERIA("criteria-service"),
        INSPECTION("inspection-service"),
        TASK("task-service"),
        CRITERIA_INSPECTION("criteria-service, inspection-service");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final ProblemKind kind;
    private final Scope scope;
    private final List<Integer> statuses;

    ProblemCode(ProblemKind kind, Scope scope, Integer... statuses) {
        this.kind = kind;
        this.scope = scope;
        this.statuses = List.of(statuses);
    }

    /** The kind whose {@code type} a problem with this code carries. */
    public ProblemKind kind() {
        return kind;
    }

    public Scope scope() {
        return scope;
    }

    /** The statuses answered with this code (only {@link #VALIDATION} has two). */
    public List<Integer> statuses() {
        return statuses;
    }

    /** True for the kinds' own codes, false for a specific refusal within a kind. */
    public boolean isKind() {
        return kind.code().equals(name());
    }

    /** The short name ({@code problem.code.<CODE>}), resolved in the answer's language. */
    public LocalizedText title() {
        return LocalizedText.of("problem.code." + name());
    }

    /** When a service answers it and what the client can do ({@code problem.code.<CODE>.meaning}). */
    public LocalizedText meaning() {
        return LocalizedText.of("problem.code." + name() + ".meaning");
    }

    /** The specific codes within a kind, in registry order. */
    public static List<ProblemCode> within(ProblemKind kind) {
        return Arrays.stream(values()).filter(c -> c.kind == kind && !c.isKind()).toList();
    }

    /**
     * The code a path segment names: a code ({@code INSPECTION_FINALIZED}) or the last segment of a kind's type
     * URI ({@code stale-version} is {@code STALE_VERSION}), in any case.
     */
    public static Optional<ProblemCode> find(String name) {
        if (name == null || name.length() > 64 || !name.matches("[A-Za-z_-]+")) {
            return Optional.empty();
        }
        String normalized = name.replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(normalized)).findFirst();
    }
}
