/**
 * Inspection records ({@code /inspections}): scope, findings, recommendations, summaries, the register checks
 * ({@code ScopeRules}), idempotent creation, and finalize, which writes {@code ntm.inspection.finalized} to the outbox.
 */
package vn.ntm.inspection.inspections;
