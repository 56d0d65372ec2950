package vn.ntm.criteria.domain;

/** One broken rule, located by the JSON path of the offending field in the set document. */
public record Violation(String field, String message) {
}
