/**
 * The province and district dashboards (issue 25): communes by criteria met and tier, per criterion, the work per
 * department and commune, the inspections of the year; as JSON or as an XLSX workbook. Read from the read models
 * {@code intake} and the task row keep ({@code visit_result}, {@code inspection_visit}, {@code task.done_at}...,
 * V31), with the register copy's lineages ({@code intake.Lineages}) applied to the requested day.
 */
package vn.ntm.task.dashboard;
