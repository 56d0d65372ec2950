/**
 * The rule table that turns findings into tasks ({@code /task-rules}; {@code TaskRules} plans them, pure), and the
 * copy of the criteria catalog it reads: lead and cooperating sectors, and the mapping between sets.
 */
package vn.ntm.task.rules;
