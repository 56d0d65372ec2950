package vn.ntm.task.shared;

import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.shared.Caller.Organisation;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {
    private static final OrganisationRef COMMUNE = new OrganisationRef("UBND_XA", "06490", "UBND xã Thượng Cường");
    private static final OrganisationRef SECTOR = new OrganisationRef("SO_NGANH", "20:GTVT", "Sở GTVT");
    private static final OrganisationRef LEAD = new OrganisationRef("SO_NGANH", "20:LDTBXH", null);

    private static Caller caller(String role, String province, String... orgs) {
        return new Caller("someone", Set.of(role), province,
                java.util.Arrays.stream(orgs).map(Organisation::parse).toList());
    }

    @Test
    void readsTheOrganisationTypeBeforeTheFirstColon() {
        assertThat(Organisation.parse("SO_NGANH:20:GTVT")).isEqualTo(new Organisation("SO_NGANH", "20:GTVT"));
        assertThat(Organisation.parse("UBND_XA:06490")).isEqualTo(new Organisation("UBND_XA", "06490"));
        assertThat(Organisation.parse("UBND_XA")).isNull();
        assertThat(Organisation.parse("UBND_XA:")).isNull();
        assertThat(Organisation.parse(":06490")).isNull();
    }

    @Test
    void anOrgChangesOnlyTasksAssignedToItsOrganisations() {
        Caller org = caller("org", null, "SO_NGANH:20:GTVT");
        assertThat(org.canChange("20", SECTOR, LEAD)).isTrue();
        assertThat(org.canChange("20", COMMUNE, LEAD)).isFalse();
    }

    @Test
    void aDistrictChangesOnlyItsOwnTasks() {
        Caller district = caller("org", null, "UBND_HUYEN:187");
        assertThat(district.canChange("20", COMMUNE, LEAD)).isFalse();
        assertThat(district.canChange("20", new OrganisationRef("UBND_HUYEN", "187", null), LEAD)).isTrue();
        assertThat(district.isVerifier("20", LEAD)).isFalse();
    }

    @Test
    void anOrgClaimWithoutTheOrgRoleGrantsNothing() {
        Caller viewer = caller("viewer", "01", "UBND_XA:06490");
        assertThat(viewer.canChange("20", COMMUNE, LEAD)).isFalse();
    }

    @Test
    void onlyInspectorsOfTheProvinceVerifyThere() {
        assertThat(caller("viewer", "20").canChange("20", COMMUNE, LEAD)).isFalse();
        assertThat(caller("inspector", "20").isVerifier("20", LEAD)).isTrue();
        assertThat(caller("inspector", "20").isVerifier("01", LEAD)).isFalse();
    }

    @Test
    void theLeadAgencyAndTheCoordinationOfficeOfTheProvinceVerifyTheTask() {
        Caller lead = caller("org", null, "SO_NGANH:20:LDTBXH");
        assertThat(lead.isVerifier("20", LEAD)).isTrue();
        assertThat(lead.isVerifier("20", null)).isFalse();
        assertThat(lead.isAssignee(COMMUNE)).isFalse();
        Caller office = caller("org", null, "VP_DIEU_PHOI:20");
        assertThat(office.isVerifier("20", null)).isTrue();
        assertThat(office.isVerifier("01", null)).isFalse();
        Caller otherSector = caller("org", null, "SO_NGANH:20:GTVT");
        assertThat(otherSector.isVerifier("20", LEAD)).isFalse();
    }

    @Test
    void anAdminChangesEverything() {
        Caller admin = caller("admin", null);
        assertThat(admin.canChange("20", SECTOR, LEAD)).isTrue();
    }
}
