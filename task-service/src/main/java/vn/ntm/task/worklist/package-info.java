/**
 * The work lists: {@code GET /tasks} with its filters, sort, cursors and word search, one task, the summary, the CSV
 * and XLSX exports, and the task gauges.
 */
package vn.ntm.task.worklist;
