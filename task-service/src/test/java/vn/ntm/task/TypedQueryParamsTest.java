package vn.ntm.task;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.testing.ParamProblems.Words;
import vn.ntm.platform.http.testing.ParamProblems;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;

/** Query parameters read as their types: a value that is not one is a 400 naming the parameter, in vi and en. */
@QuarkusTest
class TypedQueryParamsTest {
    private static void refused(String path, String name, String value, String detailKey, String vi, String en) {
        ParamProblems.assertRefused(Auth::asAdmin, path, name, value,
                new Words(LocalizedText.of(detailKey).in(Messages.VIETNAMESE), vi),
                new Words(LocalizedText.of(detailKey).in(Messages.ENGLISH), en));
    }

    private static void refusedInList(String name, String value, String vi, String en) {
        refused("/tasks", name, value, "task.query.invalid", vi, en);
    }

    @Test
    void aSizeThatIsNotANumberGetsTheSameMessageAsOneOutOfRange() {
        for (String size : new String[] {"abc", "0", "201"}) {
            refusedInList("size", size, "phải là số nguyên từ 1 đến 200", "must be a whole number from 1 to 200");
        }
    }

    @Test
    void anImpossibleDateAnUnknownTypeAndANonBooleanAreNamed() {
        refusedInList("dueBefore", "2025-13-45", "phải là ngày theo ISO, ví dụ 2022-12-31",
                "must be an ISO date such as 2022-12-31");
        refused("/tasks/summary", "assigneeType", "UBND_TINH", "task.query.invalid",
                "phải là mã một loại đơn vị thực hiện (UBND xã, UBND huyện, sở, ngành, Văn phòng Điều phối, tổ chức"
                        + " khác) như tài liệu của tham số này nêu",
                "must be the code of an assignee type (commune or district committee, department, coordination"
                        + " office, other organisation) as this parameter's documentation gives it");
        refusedInList("overdue", "yes", "phải là true hoặc false", "must be true or false");
        refusedInList("count", "no", "phải là true hoặc false", "must be true or false");
        refusedInList("inspectionId", "42", "phải là một UUID", "must be a UUID");
        refusedInList("criterion", "100", "phải là số thứ tự tiêu chí từ 1 đến 99",
                "must be a criterion number from 1 to 99");
    }

    @Test
    void anExportOptionKeepsTheExportDetail() {
        refused("/tasks/export.csv", "onLimit", "sometimes", "task.export.invalid", "phải là truncate hoặc refuse",
                "must be truncate or refuse");
    }

    @Test
    void theRuleHistoryLimitIsNamed() {
        refused("/task-rules/history", "limit", "abc", "task.rule.historyInvalid", "phải là số nguyên từ 1 đến 500",
                "must be a whole number from 1 to 500");
    }
}
