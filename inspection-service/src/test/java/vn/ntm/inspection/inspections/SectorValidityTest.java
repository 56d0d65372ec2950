package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Bodies;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.inspection.fixtures.RegisterFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * SO_NGANH {@code <province>:<sector>} references name a sector of the sector list valid on the inspection's date
 * (issue 12 item 2), as criteria-service announces the list ({@code ntm.sectors.changed}).
 */
@QuarkusTest
class SectorValidityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerSectorsAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void aSectorNotInTheListIsRefusedWithThePointerOfTheReference() {
        ObjectNode body = Bodies.inspection("2022-07-20", "20", "187", "06490");
        ((ObjectNode) body.get("leadAgency")).put("code", "20:KHDT");
        Api.json().body(body.toString()).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("leadAgency.code"))
                .body("errors[0].pointer", equalTo("/leadAgency/code"))
                .body("errors[0].message", allOf(containsString("KHDT"), containsString("danh mục ngành")));
        assertThat(titled(body)).isZero();
    }

    @Test
    void aSectorThatCeasedIsRefusedAfterItsLastDayAndAcceptedBefore() throws Exception {
        ObjectNode list = (ObjectNode) JSON.readTree(RegisterFixture.sectors());
        list.get("sectors").forEach(s -> {
            if (s.get("code").asText().equals("GTVT")) {
                ((ObjectNode) s).put("validTo", "2025-02-28");
                ((ObjectNode) s).putArray("successors").add("XD");
            }
        });
        RegisterFixture.publishSectors(db, list.toString());
        try {
            ObjectNode after = Bodies.inspection("2026-03-01", "20", null, "06475");
            after.putArray("participants").addObject().put("type", "SO_NGANH").put("code", "20:GTVT")
                    .put("name", "Sở Giao thông vận tải");
            Api.json().body(after.toString()).post("/inspections").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("participants[0].code"))
                    .body("errors[0].pointer", equalTo("/participants/0/code"))
                    .body("errors[0].message", allOf(containsString("GTVT"), containsString("28/02/2025"),
                            containsString("01/03/2026")));
            assertThat(titled(after)).isZero();

            ObjectNode before = Bodies.inspection("2022-07-20", "20", "187", "06490");
            before.putArray("participants").addObject().put("type", "SO_NGANH").put("code", "20:GTVT")
                    .put("name", "Sở Giao thông vận tải");
            Api.json().body(before.toString()).post("/inspections").then().statusCode(201)
                    .body("id", notNullValue());
        } finally {
            RegisterFixture.publishSectors(db, RegisterFixture.sectors());
        }
        assertThat(Db.string(db, "select valid_to::text from sector where code = 'GTVT'")).isNull();
    }

    @Test
    void anEmptySectorCopyAnswers503UntilCriteriaServiceAnnouncesTheList() {
        Db.count(db, "with gone as (delete from sector returning 1) select count(*) from gone");
        try {
            ObjectNode body = Bodies.inspection("2022-07-20", "20", "187", "06490");
            Api.json().body(body.toString()).post("/inspections").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("danh mục ngành"));
            assertThat(titled(body)).isZero();
        } finally {
            RegisterFixture.publishSectors(db, RegisterFixture.sectors());
        }
    }

    private long titled(ObjectNode body) {
        return Db.count(db, "select count(*) from inspection where title = ?", body.get("title").asText());
    }
}
