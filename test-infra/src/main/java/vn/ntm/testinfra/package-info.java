/**
 * What the tests share: the real PostgreSQL and Kafka broker of a test JVM and its Quarkus test resource (on demand
 * also a broker that requires SASL over TLS), a topic reader that reads to the end offsets, a table that refuses
 * chosen rows, the platform checks of every service, and PostgreSQL's client programs (pg_dump, pg_restore) for the
 * backup and restore tests.
 */
package vn.ntm.testinfra;
