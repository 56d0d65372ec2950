/** Where evidence bytes live, chosen per file: PostgreSQL {@code bytea} or an S3-compatible bucket. */
package vn.ntm.task.evidence.store;
