/** What every feature shares: the roles, the violations of a rule, and the ETags of GET answers. */
package vn.ntm.criteria.shared;
