/**
 * The benchmark behind {@code ./bench.sh}: pipeline, read and footprint figures beside the raw limits of the same
 * PostgreSQL and Kafka.
 */
package vn.ntm.bench;
