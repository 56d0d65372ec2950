/** Readiness every service shares, answered from memory: database and Kafka probes, consumer progress. */
package vn.ntm.platform.health;
