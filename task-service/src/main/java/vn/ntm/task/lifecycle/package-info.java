/**
 * A task's lifecycle: status moves ({@code PATCH /tasks/{id}}), progress notes, the history, and the overdue and
 * due-soon notices of the deadlines with their scheduler.
 */
package vn.ntm.task.lifecycle;
