/**
 * What {@code ./run.sh} runs: the embedded PostgreSQL, the Kafka broker and the S3-compatible server in their own
 * JVMs, local tokens ({@code ./token.sh}), free ports, and the {@code Launcher} that starts and stops the whole stack.
 */
package vn.ntm.localinfra;
