package vn.ntm.inspection.inspections;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Issue 10 item 6: a retried POST with the same Idempotency-Key creates nothing twice. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void aRetriedPostWithTheSameKeyReturnsTheFirstInspectionAndCreatesOne() {
        String title = "Idempotent " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01");
        String key = UUID.randomUUID().toString();
        String first = Api.json().header("Idempotency-Key", key).body(body).post("/inspections").then()
                .statusCode(201).extract().path("id");
        Api.json().header("Idempotency-Key", key).body(body).post("/inspections").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/inspections/" + first))
                .body("id", equalTo(first)).body("status", equalTo("DRAFT"));
        assertThat(Db.count(db, "select count(*) from inspection where title = ?", title)).isEqualTo(1);

        // without a key, or with another one, a POST is a new inspection
        Api.json().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/inspections").then()
                .statusCode(201);
        assertThat(Db.count(db, "select count(*) from inspection where title = ?", title)).isEqualTo(2);
    }

    @Test
    void concurrentRetriesWithTheSameKeyCreateOneInspection() throws Exception {
        String title = "Racing " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> Api.json().header("Idempotency-Key", key).body(body)
                        .post("/inspections").then().statusCode(201).extract().<String>path("id")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count(db, "select count(*) from inspection where title = ?", title)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String title = "Key reuse " + UUID.randomUUID();
        Api.json().header("Idempotency-Key", key).body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01"))
                .post("/inspections").then().statusCode(201);
        Api.json().header("Idempotency-Key", key).body(Api.inspectionBody(title + " bis", Api.uniqueCommune(),
                        "2023-01-01")).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key")).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(Db.count(db, "select count(*) from inspection where title = ?", title + " bis")).isZero();
        Api.json().header("Idempotency-Key", "x".repeat(201))
                .body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01")).post("/inspections").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String title = "Two callers " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01");
        String mine = Api.json().header("Idempotency-Key", key).body(body).post("/inspections").then()
                .statusCode(201).extract().path("id");
        String theirs = Api.json(Auth.admin()).header("Idempotency-Key", key).body(body).post("/inspections").then()
                .statusCode(201).extract().path("id");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void aRetriedRecommendationIsAddedOnce() {
        String id = Api.json().body(Api.inspectionBody("Reco " + UUID.randomUUID(), Api.uniqueCommune(),
                "2023-01-01")).post("/inspections").then().statusCode(201).extract().path("id");
        String body = "{\"assignee\": {\"type\": \"VP_DIEU_PHOI\", \"code\": \"20\", \"name\": \"Văn phòng Điều phối\"},"
                + " \"content\": \"Hướng dẫn\"}";
        String key = UUID.randomUUID().toString();
        String first = Api.json().header("Idempotency-Key", key).body(body)
                .post("/inspections/" + id + "/recommendations").then().statusCode(201).extract().path("id");
        Api.json().header("Idempotency-Key", key).body(body).post("/inspections/" + id + "/recommendations").then()
                .statusCode(201).body("id", equalTo(first));
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id))
                .isEqualTo(1);
        Api.json().header("Idempotency-Key", key).body(body.replace("Hướng dẫn", "Khác"))
                .post("/inspections/" + id + "/recommendations").then().statusCode(422);
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id))
                .isEqualTo(1);
    }
}
