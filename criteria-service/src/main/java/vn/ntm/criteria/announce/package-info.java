/**
 * Reference data as state for consumers that start late: {@code ReferenceAnnouncer} writes every province's register,
 * the sector list and every published criteria set to the compacted {@code criteria-reference} as their next
 * snapshots — on demand ({@code POST /admin/reference/announce}, {@code ReferenceAnnounceResource}) and, for the keys
 * that never had one (a database older than the topic), once at start.
 */
package vn.ntm.criteria.announce;
