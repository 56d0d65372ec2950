package vn.ntm.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** NTM_CORS_ORIGINS opens cross-origin access to exactly the configured origins (none by default: HardeningTest). */
@QuarkusTest
@TestProfile(CorsConfiguredTest.OneOrigin.class)
class CorsConfiguredTest {

    public static class OneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", "https://ntm.langson.example");
        }
    }

    @Test
    void onlyTheConfiguredOriginIsAllowed() {
        Api.as(Auth.viewer("20")).header("Origin", "https://ntm.langson.example").get("/inspections")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://ntm.langson.example"));
        Api.as(Auth.viewer("20")).header("Origin", "https://evil.example").get("/inspections")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
