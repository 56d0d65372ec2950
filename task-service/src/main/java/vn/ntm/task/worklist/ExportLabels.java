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
 */
public final class ExportLabels {

    /** A column of the export, in file order. */
    public enum Column {
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
        DUE_DATE("dueDate", "Hạn hoàn thành"),
        STATUS("status", "Trạng thái"),
        OVERDUE("overdue", "Quá hạn"),
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

    public static final List<Column> COLUMNS = List.of(Column.values());
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
