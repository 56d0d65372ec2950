/**
 * Inspection events become planned work: the {@code inspection-events} consumer, the idempotent batch handler and
 * its set-based writes, and the settlement of earlier open tasks by a re-inspection ({@code Settlement},
 * {@code SettlementService}).
 */
package vn.ntm.task.intake;
