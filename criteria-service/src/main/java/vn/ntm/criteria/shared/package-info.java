/**
 * What every feature shares: the roles, the violations of a rule, the ETags of GET answers, and the versioned
 * snapshots of reference data on criteria-reference ({@code ReferenceSnapshotLog}).
 */
package vn.ntm.criteria.shared;
