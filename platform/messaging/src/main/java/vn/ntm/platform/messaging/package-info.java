/**
 * What every Kafka consumer does the same way: the consumer skeleton ({@code ChannelConsumer}), transient failures
 * and retries, the splitting of a failed batch, unprocessed records, and probes answered from memory.
 */
package vn.ntm.platform.messaging;
