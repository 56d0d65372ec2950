/**
 * What the tests share: the real PostgreSQL and Kafka broker of a test JVM and its Quarkus test resource (on demand
 * also a broker that requires SASL over TLS), a topic reader that reads to the end offsets, a table that refuses
 * chosen rows, the management port of the application under test ({@code Management}), the platform checks of every
 * service ({@code PlatformContractTest}, {@code HealthUnderFaultsContract}), and PostgreSQL's client programs
 * (pg_dump, pg_restore) for the backup and restore tests.
 */
package vn.ntm.testinfra;
