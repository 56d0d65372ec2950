package vn.ntm.inspection;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;


import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * NTM_CORS_ORIGINS opens cross-origin access to exactly the configured origins: the test configuration lists one
 * ({@code %test.quarkus.http.cors.origins}); any other origin gets nothing (HardeningTest).
 */
@QuarkusTest
class CorsConfiguredTest {
    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource db;

    @org.junit.jupiter.api.BeforeEach
    void catalogHasTheSeedSet() {
        vn.ntm.inspection.fixtures.CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void onlyTheConfiguredOriginIsAllowed() {
        Api.as(Auth.viewer("20")).header("Origin", "https://ntm.langson.example").get("/inspections")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://ntm.langson.example"));
        Api.as(Auth.viewer("20")).header("Origin", "https://evil.example").get("/inspections")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    /** platform-http's defaults: a browser on the origin may read ETag, Location, Content-Disposition, Retry-After. */
    @Test
    void preflightIsAnsweredAndTheApisHeadersAreExposed() {
        Api.as(null).header("Origin", "https://ntm.langson.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/inspections").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://ntm.langson.example"));
        String exposed = Api.json().header("Origin", "https://ntm.langson.example")
                .body(Api.inspectionBody("CORS " + java.util.UUID.randomUUID(), Api.uniqueCommune(), "2023-01-01"))
                .post("/inspections").then().statusCode(201)
                .header("Access-Control-Allow-Origin", equalTo("https://ntm.langson.example"))
                .header("Location", org.hamcrest.Matchers.notNullValue())
                .extract().header("Access-Control-Expose-Headers");
        org.assertj.core.api.Assertions.assertThat(exposed.toLowerCase(java.util.Locale.ROOT))
                .contains("etag", "location", "content-disposition", "retry-after");
    }
}
