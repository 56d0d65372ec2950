package vn.ntm.task.worklist;

import vn.ntm.task.shared.TaskView;

import java.time.LocalDate;

/**
 * One row of a task list export: its number in the file (STT, from 1), the task, the day it was assigned (its
 * creation, as a calendar day in Vietnam) and the days it is overdue as of the export's day (0 when it is not
 * overdue, whatever its status).
 */
public record ExportRow(long number, TaskView task, LocalDate assignedOn, long daysOverdue) {
}
