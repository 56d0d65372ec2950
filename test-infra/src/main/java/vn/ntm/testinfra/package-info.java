/**
 * What the tests share: the real PostgreSQL and Kafka broker of a test JVM and its Quarkus test resource, a topic
 * reader that reads to the end offsets, a table that refuses chosen rows, and the platform checks of every service.
 */
package vn.ntm.testinfra;
