package vn.ntm.task.service;

import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.service.Caller.Organisation;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {
    private static final OrganisationRef COMMUNE = new OrganisationRef("UBND_XA", "06604", "UBND xã Thượng Cường");
    private static final OrganisationRef SECTOR = new OrganisationRef("SO_NGANH", "20:GTVT", "Sở GTVT");

    private static Caller caller(String role, String province, String... orgs) {
        return new Caller("someone", Set.of(role), province,
                java.util.Arrays.stream(orgs).map(Organisation::parse).toList());
    }

    @Test
    void readsTheOrganisationTypeBeforeTheFirstColon() {
        assertThat(Organisation.parse("SO_NGANH:20:GTVT")).isEqualTo(new Organisation("SO_NGANH", "20:GTVT"));
        assertThat(Organisation.parse("UBND_XA:06604")).isEqualTo(new Organisation("UBND_XA", "06604"));
        assertThat(Organisation.parse("UBND_XA")).isNull();
        assertThat(Organisation.parse("UBND_XA:")).isNull();
        assertThat(Organisation.parse(":06604")).isNull();
    }

    @Test
    void anOrgReadsAndChangesOnlyTasksAssignedToItsOrganisations() {
        Caller org = caller("org", null, "SO_NGANH:20:GTVT");
        assertThat(org.canRead("20", SECTOR)).isTrue();
        assertThat(org.canChange(SECTOR)).isTrue();
        assertThat(org.canRead("20", COMMUNE)).isFalse();
        assertThat(org.canChange(COMMUNE)).isFalse();
        assertThat(org.readScope().where()).contains("t.assigneeType = :scopeType0");
        assertThat(org.readScope().params()).containsEntry("scopeCode0", "20:GTVT");
    }

    @Test
    void anOrgClaimWithoutTheOrgRoleGrantsNothing() {
        Caller viewer = caller("viewer", "01", "UBND_XA:06604");
        assertThat(viewer.canRead("20", COMMUNE)).isFalse();
        assertThat(viewer.canChange(COMMUNE)).isFalse();
    }

    @Test
    void viewersAndInspectorsReadTheirProvinceButChangeNothing() {
        for (String role : List.of("viewer", "inspector")) {
            Caller c = caller(role, "20");
            assertThat(c.canRead("20", COMMUNE)).isTrue();
            assertThat(c.canRead("01", COMMUNE)).isFalse();
            assertThat(c.canRead(null, COMMUNE)).isFalse();
            assertThat(c.canChange(COMMUNE)).isFalse();
            assertThat(c.readScope().params()).containsEntry("scopeProvince", "20");
        }
        assertThat(caller("viewer", null).readScope().where()).isEqualTo("1 = 0");
    }

    @Test
    void opsCountEverythingButReadNoTask() {
        Caller ops = caller("ops", null);
        assertThat(ops.summaryScope().where()).isEqualTo("1 = 1");
        assertThat(ops.readScope().where()).isEqualTo("1 = 0");
        assertThat(ops.canRead("20", COMMUNE)).isFalse();
    }

    @Test
    void anAdminReadsAndChangesEverything() {
        Caller admin = caller("admin", null);
        assertThat(admin.canRead(null, COMMUNE)).isTrue();
        assertThat(admin.canChange(SECTOR)).isTrue();
        assertThat(admin.readScope().where()).isEqualTo("1 = 1");
    }
}
