/**
 * Health every service shares, answered from memory: readiness is the database; the broker, the consumers' progress
 * and the database again are the checks of the {@code dependencies} group.
 */
package vn.ntm.platform.health;
