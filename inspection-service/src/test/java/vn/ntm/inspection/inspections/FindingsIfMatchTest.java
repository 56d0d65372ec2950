package vn.ntm.inspection.inspections;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Issue 11 item 3: findings take If-Match with the inspection's version, as task changes do in task-service. */
@QuarkusTest
class FindingsIfMatchTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    private long met(String id) {
        return Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid and f.result = 'MET'", id);
    }

    @Test
    void aStaleIfMatchIs412AndAMissingOne428AndNothingChanges() {
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("ETag " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        String path = "/inspections/" + id + "/communes/" + commune + "/findings";
        String version = Api.reader().get("/inspections/" + id).then().statusCode(200).extract().path("version")
                .toString();
        String etag = Api.reader().get("/inspections/" + id).then().extract().header("ETag");
        assertThat(etag).isEqualTo("\"" + version + "\"");

        String next = Api.json().header("If-Match", etag).body(Api.findingsMeeting(List.of(1, 2))).put(path).then()
                .statusCode(200).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        assertThat(Api.etag(id)).isEqualTo(next);

        // a second writer who read the first version is refused: the first one's findings stay
        Api.json().header("If-Match", etag).body(Api.findingsMeeting(List.of(1, 2, 3, 4))).put(path).then()
                .statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        Api.json().body(Api.findingsMeeting(List.of(1, 2, 3, 4))).put(path).then()
                .statusCode(428).contentType("application/problem+json");
        assertThat(met(id)).isEqualTo(2);

        // any change of the record moves its version: a recommendation makes the findings' ETag stale too
        Api.json().body("{\"assignee\": {\"name\": \"Tỉnh đoàn\"}, \"content\": \"Phối hợp\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(201);
        Api.json().header("If-Match", next).body(Api.findingsMeeting(List.of(1))).put(path).then().statusCode(412);
        Api.json().header("If-Match", "W/" + Api.etag(id)).body(Api.findingsMeeting(List.of(1))).put(path).then()
                .statusCode(200);
        assertThat(met(id)).isEqualTo(1);
    }
}
