/** The caller from the bearer token, and the JSON of the entities' value columns. */
package vn.ntm.inspection.shared;
