/**
 * A task's lifecycle: status moves ({@code PATCH /tasks/{id}}; who may make which is {@code shared/TaskTransitions},
 * which the entity enforces too), progress notes, the history, and the overdue and due-soon notices of the deadlines.
 */
package vn.ntm.task.lifecycle;
