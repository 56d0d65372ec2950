package vn.ntm.task.worklist;

import vn.ntm.contracts.OrganisationType;
import vn.ntm.task.shared.AssigneeTypes;
import vn.ntm.task.shared.TaskStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a task list export and the Vietnamese words people read in them, in one place for every export
 * format: each column's machine name (the CSV header integrations know) and its Vietnamese label, and the labels
 * of statuses, organisation types and yes/no.
 * <p>
 * People's files ({@link #COLUMNS}: the XLSX and the CSV for people) start with the row number and put the columns
 * officers asked for next to the ones they belong with; the CSV for machines ({@link #MACHINE_COLUMNS}) keeps its
 * first fourteen columns where they always were and appends the new ones, so an integration reading by position
 * keeps working too.
 */
public final class ExportLabels {

    /** A column of the export, in file order. */
    public enum Column {
        NUMBER("number", "STT"),
        ID("id", "Mã nhiệm vụ"),
        INSPECTION_ID("inspectionId", "Mã đợt kiểm tra"),
        COMMUNE_CODE("communeCode", "Mã xã"),
        COMMUNE_NAME("communeName", "Xã"),
        CRITERION("criterion", "Tiêu chí số"),
        CRITERION_NAME("criterionName", "Tên tiêu chí"),
        ASSIGNEE_TYPE("assigneeType", "Loại đơn vị thực hiện"),
        ASSIGNEE_CODE("assigneeCode", "Mã đơn vị thực hiện"),
        ASSIGNEE_NAME("assigneeName", "Đơn vị thực hiện"),
        TITLE("title", "Nhiệm vụ"),
        DESCRIPTION("description", "Nội dung"),
        ASSIGNED_ON("createdAt", "Ngày giao"),
        DUE_DATE("dueDate", "Hạn hoàn thành"),
        STATUS("status", "Trạng thái"),
        OVERDUE("overdue", "Quá hạn"),
        DAYS_OVERDUE("daysOverdue", "Số ngày quá hạn"),
        VERSION("version", "Phiên bản");

        private final String machineName;
        private final String label;

        Column(String machineName, String label) {
            this.machineName = machineName;
            this.label = label;
        }

        public String machineName() {
            return machineName;
        }

        public String label() {
            return label;
        }
    }

    /** The columns of the files for people, in file order. */
    public static final List<Column> COLUMNS = List.of(Column.values());
    /** The columns of the CSV for machines: the original fourteen in their places, then the added ones. */
    public static final List<Column> MACHINE_COLUMNS = List.of(Column.ID, Column.INSPECTION_ID,
            Column.COMMUNE_CODE, Column.COMMUNE_NAME, Column.CRITERION, Column.CRITERION_NAME, Column.ASSIGNEE_TYPE,
            Column.ASSIGNEE_CODE, Column.ASSIGNEE_NAME, Column.TITLE, Column.DUE_DATE, Column.STATUS,
            Column.OVERDUE, Column.VERSION, Column.ASSIGNED_ON, Column.DESCRIPTION, Column.DAYS_OVERDUE);
    public static final String YES = "Có";
    public static final String NO = "Không";
    /** The sheet's name in a workbook. */
    public static final String SHEET = "Nhiệm vụ";

    private static final Map<TaskStatus, String> STATUS = new EnumMap<>(Map.of(
            TaskStatus.OPEN, "Mới giao",
            TaskStatus.IN_PROGRESS, "Đang thực hiện",
            TaskStatus.REPORTED, "Đã báo cáo, chờ xác nhận",
            TaskStatus.RETURNED, "Bị trả lại",
            TaskStatus.DONE, "Hoàn thành",
            TaskStatus.CANCELLED, "Đã hủy"));
    private static final Map<String, String> ORGANISATION_TYPE = Map.of(
            OrganisationType.UBND_XA.name(), "UBND xã",
            OrganisationType.UBND_HUYEN.name(), "UBND huyện",
            OrganisationType.SO_NGANH.name(), "Sở, ngành",
            OrganisationType.VP_DIEU_PHOI.name(), "Văn phòng Điều phối",
            AssigneeTypes.GENERIC, "Tổ chức khác");

    private ExportLabels() {
    }

    public static String status(TaskStatus status) {
        return status == null ? "" : STATUS.get(status);
    }

    /** The Vietnamese name of an organisation type; a code this version does not know is shown as it is. */
    public static String organisationType(String type) {
        if (type == null) {
            return "";
        }
        return ORGANISATION_TYPE.getOrDefault(type, type);
    }

    public static String yesNo(boolean value) {
        return value ? YES : NO;
    }
}
