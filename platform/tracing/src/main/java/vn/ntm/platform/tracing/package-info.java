/** W3C trace context across HTTP, the outbox and Kafka, and OTLP export when an endpoint is set. */
package vn.ntm.platform.tracing;
