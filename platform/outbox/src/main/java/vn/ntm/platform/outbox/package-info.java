/**
 * The transactional outbox every service shares: {@code Outbox} takes an event inside the caller's transaction, the
 * relay sends it to Kafka afterwards (parking what the broker can never take), with its admin endpoints, health
 * check ({@code dependencies} group) and metrics.
 */
package vn.ntm.platform.outbox;
