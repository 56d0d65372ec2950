package vn.ntm.testinfra;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;

/**
 * The management interface of the application under test: health ({@code /q/health/*}) and metrics
 * ({@code /q/metrics}) on their own port, without a token, as Kubernetes and Prometheus reach them. The port is
 * {@code quarkus.management.test-port}, a free port {@link RealInfraTestResource} hands each application start.
 */
public final class Management {
    private Management() {
    }

    public static int port() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(0);
        if (port <= 0) {
            throw new IllegalStateException("quarkus.management.test-port is " + port
                    + ": the application's tests need RealInfraTestResource, which gives it a free port");
        }
        return port;
    }

    /** {@code path} (e.g. {@code /q/health/ready}) on the management interface. */
    public static URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    /** A REST Assured request to the management interface. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://localhost").port(port());
    }
}
