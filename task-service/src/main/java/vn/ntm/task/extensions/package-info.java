/** Deadline extensions (the assignee asks, a verifier decides) and reassignment by a verifier. */
package vn.ntm.task.extensions;
