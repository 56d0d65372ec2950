package vn.ntm.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * This system's copy of one follow-up task: the fields every task event carries (the task as its change left it)
 * and the change feed lists. {@code provinceCode} is null until task-service sends it (task-event version 3);
 * {@code overdue} is carried by {@code ntm.task.*} events of {@code TaskEvent} data and by the feed, kept otherwise.
 */
public record TaskCopy(String id, String inspectionId, String communeCode, Integer criterion, String assigneeType,
                       String assigneeCode, String assigneeName, String title, String dueDate, String status,
                       Boolean overdue, long version, String provinceCode) {

    /** From the data of a task event ({@code taskId}) or an item of {@code GET /tasks} ({@code id}). */
    static TaskCopy from(JsonNode json, TaskCopy previous) {
        String id = text(json, json.hasNonNull("taskId") ? "taskId" : "id");
        JsonNode assignee = json.path("assignee");
        Boolean overdue = json.hasNonNull("overdue") ? json.get("overdue").asBoolean()
                : previous == null ? null : previous.overdue();
        String province = json.hasNonNull("provinceCode") ? json.get("provinceCode").asText()
                : previous == null ? null : previous.provinceCode();
        return new TaskCopy(id, text(json, "inspectionId"), text(json, "communeCode"),
                json.hasNonNull("criterion") ? json.get("criterion").asInt() : null, text(assignee, "type"),
                text(assignee, "code"), text(assignee, "name"), text(json, "title"), text(json, "dueDate"),
                text(json, "status"), overdue, json.path("version").asLong(-1), province);
    }

    TaskCopy withOverdue(boolean value) {
        return new TaskCopy(id, inspectionId, communeCode, criterion, assigneeType, assigneeCode, assigneeName, title,
                dueDate, status, value, version, provinceCode);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
