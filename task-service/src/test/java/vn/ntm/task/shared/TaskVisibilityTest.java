package vn.ntm.task.shared;

import org.junit.jupiter.api.Test;
import vn.ntm.task.shared.Caller.Organisation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The scope conditions; what they select on real rows is {@code DistrictVisibilityTest}'s and the matrix's. */
class TaskVisibilityTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static Caller caller(String role, String province, String... orgs) {
        return new Caller("someone", Set.of(role), province, Arrays.stream(orgs).map(Organisation::parse).toList());
    }

    @Test
    void anAdminReadsEverythingAndOpsCountEverythingButReadNothing() {
        assertThat(TaskVisibility.read(caller("admin", null), TODAY).where()).isEqualTo("1 = 1");
        assertThat(TaskVisibility.summary(caller("ops", null), TODAY).where()).isEqualTo("1 = 1");
        assertThat(TaskVisibility.read(caller("ops", null), TODAY).where()).isEqualTo("1 = 0");
    }

    @Test
    void viewersAndInspectorsReadTheirProvinceOnly() {
        for (String role : new String[]{"viewer", "inspector"}) {
            TaskVisibility.Scope scope = TaskVisibility.read(caller(role, "20"), TODAY);
            assertThat(scope.where()).isEqualTo("t.provinceCode = :scopeProvince");
            assertThat(scope.params()).containsEntry("scopeProvince", "20");
        }
        assertThat(TaskVisibility.read(caller("viewer", null), TODAY).where()).isEqualTo("1 = 0");
        assertThat(TaskVisibility.read(caller("viewer", "01", "UBND_XA:06490"), TODAY).params())
                .as("an org claim without the org role grants nothing").doesNotContainKey("scopeCode0");
    }

    @Test
    void aDepartmentReadsWhatItIsAssignedAndWhatItVerifiesAsLeadAgency() {
        TaskVisibility.Scope scope = TaskVisibility.read(caller("org", null, "SO_NGANH:20:GTVT"), TODAY);
        assertThat(scope.where()).contains("t.assigneeType = :scopeType0", "t.leadAgencyType = :scopeType0")
                .doesNotContain("AdminUnit", "t.provinceCode = :scopeCode0");
        assertThat(scope.params()).containsEntry("scopeType0", "SO_NGANH").containsEntry("scopeCode0", "20:GTVT");
    }

    @Test
    void aDepartmentReadsItsProvincesCommunesAndDistrictsWorkOnTheCriteriaItLeads() {
        TaskVisibility.Scope scope = TaskVisibility.read(caller("org", null, "UBND_XA:06490", "SO_NGANH:20:NNMT"),
                TODAY);
        assertThat(scope.where()).contains("t.provinceCode = :scopeLeadProvince1",
                "t.assigneeType in ('UBND_XA', 'UBND_HUYEN')", "CriterionLead l", "l.setCode = t.criteriaSet",
                "l.number = t.criterion", "l.sector = :scopeLeadSector1").doesNotContain("scopeLeadSector0");
        assertThat(scope.params()).containsEntry("scopeLeadProvince1", "20").containsEntry("scopeLeadSector1", "NNMT");
        // a claim without a sector part leads nothing
        assertThat(TaskVisibility.read(caller("org", null, "SO_NGANH:20"), TODAY).where())
                .doesNotContain("CriterionLead");
    }

    @Test
    void theCoordinationOfficeReadsItsProvince() {
        TaskVisibility.Scope scope = TaskVisibility.read(caller("org", null, "VP_DIEU_PHOI:20"), TODAY);
        assertThat(scope.where()).contains("t.provinceCode = :scopeCode0");
    }

    @Test
    void aDistrictReadsItsCommunesTasksAsOfTheInspectionWhileItExistsToday() {
        TaskVisibility.Scope scope = TaskVisibility.read(caller("org", null, "UBND_XA:06490", "UBND_HUYEN:187"),
                TODAY);
        assertThat(scope.where()).contains("c.parentCode = :scopeCode1", "t.inspectedOn", "d.code = :scopeCode1",
                ":scopeToday").doesNotContain("parentCode = :scopeCode0");
        assertThat(scope.params()).containsEntry("scopeToday", TODAY).containsEntry("scopeCode1", "187");
    }
}
