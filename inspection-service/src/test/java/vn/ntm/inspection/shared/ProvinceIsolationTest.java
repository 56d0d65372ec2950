package vn.ntm.inspection.shared;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.Bodies;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Issue 10 item 2: another province's inspections are invisible, never compared against, never locked. */
@QuarkusTest
class ProvinceIsolationTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void anotherProvincesInspectionAnswers404OnEveryEndpoint() {
        String id = Api.json(Auth.admin()).body(Bodies.inspection("2023-01-01", "01", "001", "00001").toString())
                .post("/inspections").then().statusCode(201).extract().path("id");
        String etag = Api.etag(id);
        String inspector = Auth.inspector("20");

        Api.as(inspector).get("/inspections/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", not(containsString("province")))
                .body("detail", not(containsString("tỉnh")));
        Api.as(Auth.viewer("20")).get("/inspections/" + id).then().statusCode(404);
        Api.json(inspector).header("If-Match", etag).body(Api.findingsMeeting(List.of(1)))
                .put("/inspections/" + id + "/communes/00001/findings").then().statusCode(404)
                .contentType("application/problem+json");
        Api.json(inspector).body("{\"assignee\": {\"name\": \"Ai đó\"}, \"content\": \"Không được\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(404);
        Api.json(inspector).post("/inspections/" + id + "/finalize").then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(Db.string(db, "select status from inspection where id = ?::uuid", id)).isEqualTo("DRAFT");
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isZero();
        assertThat(Api.etag(id)).isEqualTo(etag);
        Api.as(Auth.inspector("01")).get("/inspections/" + id).then().statusCode(200);
    }

    @Test
    void aRefusedCallerLocksNothingAndWaitsForNoLock() throws Exception {
        String id = Api.json(Auth.admin()).body(Bodies.inspection("2023-01-01", "01", "001", "00004").toString())
                .post("/inspections").then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from inspection where id = ?::uuid"
                    + " for update")) {
                lock.setString(1, id);
                lock.executeQuery();
            }
            // while another transaction holds the row, an outsider's finalize is answered without waiting for it
            Future<Integer> outsider = pool.submit(() -> Api.json(Auth.inspector("20"))
                    .post("/inspections/" + id + "/finalize").then().extract().statusCode());
            assertThat(outsider.get(60, TimeUnit.SECONDS)).isEqualTo(404);
            holder.rollback();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void changeAndHistoryNeverUseAnotherProvincesInspection() throws SQLException {
        String commune = Api.uniqueCommune();
        // a finalized inspection of the same commune code recorded under province 01 (as data from before the
        // register checks could be): province 20's readers must never see it, nor be compared against it
        UUID foreign = finalizedForeignInspection(commune, List.of(1, 2, 3, 4, 5));

        String id = Api.json().body(Api.inspectionBody("Own " + UUID.randomUUID(), commune, "2023-05-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body(Api.findingsMeeting(List.of(1))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200).body("change", nullValue());
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200)
                .body("communes[0].change", nullValue());
        Api.reader().get("/inspections/" + id).then().body("communes[0].change", nullValue());

        Api.reader().get("/communes/" + commune + "/history").then().statusCode(200)
                .body("inspections.size()", equalTo(1))
                .body("inspections[0].inspectionId", equalTo(id))
                .body("inspections[0].change", nullValue());
        // an administrator sees both, each compared only within its own province
        Api.as(Auth.admin()).get("/communes/" + commune + "/history").then().statusCode(200)
                .body("inspections.size()", equalTo(2))
                .body("inspections[0].inspectionId", equalTo(foreign.toString()))
                .body("inspections[1].change", nullValue());
    }

    private UUID finalizedForeignInspection(String commune, List<Integer> met) throws SQLException {
        UUID id = UUID.randomUUID();
        UUID communeId = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("insert into inspection (id, title, inspected_on,"
                    + " lead_agency, legal_basis, participants, province_code, province_name, district_code,"
                    + " district_name, stated_figures, status, created_at, finalized_at, version) values (?, ?,"
                    + " date '2022-01-10', '{\"name\": \"Sở\"}', '[]', '[]', '01', 'Thành phố Hà Nội', null, null,"
                    + " '{}', 'FINALIZED', now(), now(), 0)")) {
                st.setObject(1, id);
                st.setString(2, "Foreign " + id);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("insert into inspection_commune (id, inspection_id,"
                    + " position, code, name, criteria_set, target_tier, target_year) values (?, ?, 0, ?, 'Xã khác',"
                    + " ?, 'NTM', 2022)")) {
                st.setObject(1, communeId);
                st.setObject(2, id);
                st.setString(3, commune);
                st.setString(4, CatalogFixture.SEED_SET);
                st.executeUpdate();
            }
            for (int criterion = 1; criterion <= 19; criterion++) {
                try (PreparedStatement st = c.prepareStatement("insert into finding (id, commune_id, criterion,"
                        + " result, responsible) values (?, ?, ?, ?, '[]')")) {
                    st.setObject(1, UUID.randomUUID());
                    st.setObject(2, communeId);
                    st.setInt(3, criterion);
                    st.setString(4, met.contains(criterion) ? "MET" : "NOT_MET");
                    st.executeUpdate();
                }
            }
        }
        return id;
    }
}
