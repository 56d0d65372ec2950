package vn.ntm.criteria;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The register files shipped with the service, and the import call. */
public final class AdminUnitFixtures {
    private AdminUnitFixtures() {
    }

    public static String registerFile(String name) {
        try (InputStream in = AdminUnitFixtures.class.getResourceAsStream("/admin-units/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no register file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ValidatableResponse importCsv(String bearer, String csv, Map<String, String> query) {
        RequestSpecification spec = given().contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParams(query);
        if (bearer != null) {
            spec = spec.header("Authorization", bearer);
        }
        return spec.post("/admin-units/imports").then();
    }

    public static ValidatableResponse importCsv(String csv, Map<String, String> query) {
        return importCsv(AuthFixture.admin(), csv, query);
    }
}
