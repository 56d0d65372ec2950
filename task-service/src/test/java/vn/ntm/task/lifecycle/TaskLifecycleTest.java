package vn.ntm.task.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.intake.InspectionEventBatch;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/** Status transitions with optimistic locking, notes and the full history, as a user of the API sees them. */
@QuarkusTest
class TaskLifecycleTest {
    @Inject
    InspectionEventBatch inspections;

    private String aTask() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeCode", "20:GTVT")
                .queryParam("communeCode", "06490")
                .when().get("/tasks").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");
    }

    @Test
    void movesOpenToInProgressToReportedToDoneAndRecordsTheTokenSubjectAsActor() {
        String id = aTask();
        asAdmin().when().get("/tasks/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN")).body("version", equalTo(0));

        String sector = Auth.token("so-gtvt-lang-son", "org").org("SO_NGANH:20:GTVT").bearer();
        as(sector).contentType(ContentType.JSON).header("If-Match", "\"0\"").header("X-Actor", "someone-else")
                .body("{\"status\":\"IN_PROGRESS\",\"note\":\"Đã cử cán bộ hướng dẫn xã Thượng Cường\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("IN_PROGRESS")).body("version", equalTo(1));
        as(sector).contentType(ContentType.JSON).header("If-Match", "1")
                .body("{\"status\":\"REPORTED\",\"report\":\"Đã hướng dẫn xã lập hồ sơ\","
                        + "\"reason\":\"Hướng dẫn trực tiếp, không có văn bản\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(200).body("status", equalTo("REPORTED")).body("version", equalTo(2));
        // a body naming its own actor is refused: requests have no such field (platform-http's strict JSON)
        asAdmin().contentType(ContentType.JSON).header("If-Match", "2")
                .body("{\"status\":\"DONE\",\"note\":\"Hoàn thành\",\"actor\":\"forged\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(400).body("errors.pointer", org.hamcrest.Matchers.hasItem("/actor"));
        asAdmin().contentType(ContentType.JSON).header("If-Match", "2")
                .body("{\"status\":\"DONE\",\"note\":\"Hoàn thành\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(200).body("status", equalTo("DONE")).body("version", equalTo(3));

        asAdmin().when().get("/tasks/" + id + "/history")
                .then().statusCode(200)
                .body("", hasSize(4))
                .body("action", contains("CREATED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"))
                .body("[0].from", nullValue()).body("[0].to", equalTo("OPEN"))
                .body("[1].actor", equalTo("so-gtvt-lang-son"))
                .body("[1].from", equalTo("OPEN")).body("[1].to", equalTo("IN_PROGRESS"))
                .body("[1].note", equalTo("Đã cử cán bộ hướng dẫn xã Thượng Cường"))
                .body("[2].to", equalTo("REPORTED"))
                .body("[2].report", equalTo("Đã hướng dẫn xã lập hồ sơ"))
                .body("[2].reason", equalTo("Hướng dẫn trực tiếp, không có văn bản"))
                .body("[3].actor", equalTo("admin-ntm"))
                .body("[3].to", equalTo("DONE"));
    }

    /**
     * README: the actor is the token's {@code sub}. An identity provider's display names ({@code upn},
     * {@code preferred_username}) and anything the body or a header claims are not the actor.
     */
    @Test
    void recordsTheTokenSubjectNeitherItsDisplayNameNorWhatTheBodyClaims() {
        String id = aTask();
        String sector = Auth.token("9c1e2f4a-sub", "org").name("Nguyễn Văn An (Sở GTVT)").org("SO_NGANH:20:GTVT")
                .bearer();
        // a body claiming an actor is refused outright (no such request field: platform-http's strict JSON)
        as(sector).contentType(ContentType.JSON).header("If-Match", "\"0\"").header("X-Actor", "someone-else")
                .body("{\"status\":\"IN_PROGRESS\",\"note\":\"Bắt đầu\",\"actor\":\"forged\",\"by\":\"forged\","
                        + "\"changedBy\":\"forged\",\"sub\":\"forged\"}")
                .when().patch("/tasks/" + id).then().statusCode(400)
                .body("errors.pointer", org.hamcrest.Matchers.hasItem("/actor"));
        as(sector).contentType(ContentType.JSON).body("{\"note\":\"Đã rà soát\",\"actor\":\"forged\"}")
                .when().post("/tasks/" + id + "/notes").then().statusCode(400);
        as(sector).contentType(ContentType.JSON).header("If-Match", "\"0\"").header("X-Actor", "someone-else")
                .body("{\"status\":\"IN_PROGRESS\",\"note\":\"Bắt đầu\"}")
                .when().patch("/tasks/" + id).then().statusCode(200);
        as(sector).contentType(ContentType.JSON).header("X-Actor", "someone-else").body("{\"note\":\"Đã rà soát\"}")
                .when().post("/tasks/" + id + "/notes").then().statusCode(201).body("actor", equalTo("9c1e2f4a-sub"));
        asAdmin().when().get("/tasks/" + id + "/history").then().statusCode(200)
                .body("action", contains("CREATED", "STATUS_CHANGED", "NOTE"))
                .body("[1].actor", equalTo("9c1e2f4a-sub"))
                .body("[2].actor", equalTo("9c1e2f4a-sub"));
    }

    @Test
    void refusesIllegalTransitionsWith409() {
        String id = aTask();
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"DONE\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("detail", containsString("từ “Mới giao” sang “Hoàn thành”"));
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"CANCELLED\",\"reason\":\"Trùng nhiệm vụ\"}")
                .when().patch("/tasks/" + id).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"status\":\"IN_PROGRESS\"}")
                .when().patch("/tasks/" + id).then().statusCode(409);
        asAdmin().when().get("/tasks/" + id).then().body("status", equalTo("CANCELLED")).body("version", equalTo(1));
    }

    @Test
    void refusesAStaleVersionWith412AndAMissingIfMatchWith428() {
        String id = aTask();
        as(Auth.org("SO_NGANH:20:GTVT")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"IN_PROGRESS\"}").when().patch("/tasks/" + id).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"CANCELLED\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        asAdmin().contentType(ContentType.JSON).body("{\"status\":\"CANCELLED\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(428).contentType("application/problem+json").body("status", equalTo(428));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(2));
    }

    @Test
    void keepsProgressNotesInTheHistory() {
        String id = aTask();
        as(Auth.token("so-gtvt-lang-son", "org").org("SO_NGANH:20:GTVT").bearer()).contentType(ContentType.JSON)
                .header("X-Actor", "someone-else")
                .body("{\"note\":\"Đã rà soát 12/15 tuyến đường thôn\",\"actor\":\"forged\"}")
                .when().post("/tasks/" + id + "/notes")
                .then().statusCode(400).body("errors.pointer", org.hamcrest.Matchers.hasItem("/actor"));
        as(Auth.token("so-gtvt-lang-son", "org").org("SO_NGANH:20:GTVT").bearer()).contentType(ContentType.JSON)
                .header("X-Actor", "someone-else")
                .body("{\"note\":\"Đã rà soát 12/15 tuyến đường thôn\"}")
                .when().post("/tasks/" + id + "/notes")
                .then().statusCode(201).body("action", equalTo("NOTE")).body("actor", equalTo("so-gtvt-lang-son"));
        asAdmin().contentType(ContentType.JSON).body("{\"note\":\"  \"}")
                .when().post("/tasks/" + id + "/notes")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("note"));
        asAdmin().when().get("/tasks/" + id + "/history")
                .then().body("", hasSize(2)).body("[1].note", equalTo("Đã rà soát 12/15 tuyến đường thôn"));
        asAdmin().when().get("/tasks/" + id).then().body("version", equalTo(0));
    }

    @Test
    void answersBadRequestsWithProblemJson() {
        String id = aTask();
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":")
                .when().patch("/tasks/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"FINISHED\"}")
                .when().patch("/tasks/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType(ContentType.TEXT).header("If-Match", "\"0\"").body("status=DONE")
                .when().patch("/tasks/" + id)
                .then().statusCode(415).contentType("application/problem+json");
        asAdmin().when().delete("/tasks/" + id)
                .then().statusCode(405).contentType("application/problem+json");
        asAdmin().when().get("/tasks/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // a value that cannot be read as its type (a number, a date, true/false) stops the answer at that
        // parameter; values out of their range are reported together, then the rules that join parameters
        asAdmin().queryParam("page", "-1").queryParam("size", "500").queryParam("status", "LATE")
                .queryParam("sort", "priority")
                .when().get("/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("page", "size"));
        asAdmin().queryParam("status", "LATE").queryParam("sort", "priority")
                .when().get("/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("status", "sort"));
        for (String[] unreadable : new String[][] {{"size", "abc"}, {"dueBefore", "31/12/2022"}, {"overdue", "yes"}}) {
            asAdmin().queryParam(unreadable[0], unreadable[1]).when().get("/tasks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.contains(unreadable[0]));
        }
        asAdmin().when().get("/tasks/" + id).then().body("version", equalTo(0));
    }
}
