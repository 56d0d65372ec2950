package vn.ntm.inspection.inspections;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Bodies;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 10 item 1: an inspection whose ntm.inspection.finalized could never reach the broker (default limit
 * 1,000,000 bytes, below Kafka's 1 MiB) is refused before it is finalized, and stays DRAFT.
 */
@QuarkusTest
class FinalizeEventSizeTest {
    private static final int NOTE_CHARACTERS = 10_000;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void anInspectionWhoseEventCannotFitIsRefusedAndStaysDraft() {
        List<String> communes = List.of(Api.uniqueCommune(), Api.uniqueCommune(), Api.uniqueCommune());
        String id = Api.json().body(Bodies.inspection("2023-06-01", "20", null, communes.toArray(String[]::new))
                .toString()).post("/inspections").then().statusCode(201).extract().path("id");
        // 19 findings × 10,000 three-byte characters ≈ 570 KB per commune: each request fits, the event does not
        String note = "ầ".repeat(NOTE_CHARACTERS);
        for (String commune : communes) {
            StringBuilder findings = new StringBuilder("[");
            for (int n = 1; n <= 19; n++) {
                findings.append(n == 1 ? "" : ",").append("{\"criterion\": ").append(n)
                        .append(", \"result\": \"NOT_MET\", \"note\": \"").append(note).append("\"}");
            }
            Api.findings(id).body(findings.append("]").toString())
                    .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200);
        }

        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("EVENT_TOO_LARGE"))
                .body("detail", allOf(containsString("vượt giới hạn 1.000.000 byte của một sự kiện"),
                        not(containsString("ntm.inspection"))));

        assertThat(Db.string(db, "select status from inspection where id = ?::uuid", id)).isEqualTo("DRAFT");
        assertThat(Db.string(db, "select finalized_at::text from inspection where id = ?::uuid", id)).isNull();
        assertThat(Db.count(db, "select count(*) from outbox_event where event_key = ?", id)).isZero();
        Api.reader().get("/inspections/" + id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    }
}
