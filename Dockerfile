# syntax=docker/dockerfile:1
# One Dockerfile for the three services, built from the repository root with the service as a build argument:
#   docker build --build-arg SERVICE=task-service -t ntm/task-service .
# (SERVICE: criteria-service, inspection-service or task-service.) The image holds that service and the modules it
# needs (event-contracts, the shared modules under platform/), built with -am. Tests are skipped with
# -Dmaven.test.skip=true, so test-infra and local-infra (the tests' PostgreSQL and Kafka) are neither built nor downloaded: the
# services depend on them only in their profile for tests. The service listens on its own quarkus.http.port (8081,
# 8082, 8083), which QUARKUS_HTTP_PORT overrides.

# The build descriptors alone: the dependency layer below is rebuilt when a pom.xml changes, not on every edit.
FROM eclipse-temurin:17-jdk AS poms
WORKDIR /src
COPY . .
RUN find . -type f ! -name pom.xml ! -name mvnw ! -path './.mvn/*' -delete \
 && find . -depth -type d -empty -delete

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
RUN case "$SERVICE" in criteria-service|inspection-service|task-service) ;; \
      *) echo "--build-arg SERVICE=criteria-service|inspection-service|task-service is required" >&2; exit 1 ;; \
    esac
WORKDIR /src
COPY --from=poms /src/ ./
# Dependency layer: building the source-less module skeletons downloads Maven itself, the plugins, the
# dependencies and the Quarkus build steps; the skeleton outputs are then dropped.
RUN ./mvnw -B -q -pl "$SERVICE" -am -Dmaven.test.skip=true package \
 && find . -name target -type d -prune -exec rm -rf {} +
COPY . .
RUN ./mvnw -B -q -pl "$SERVICE" -am -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
ARG SERVICE
LABEL org.opencontainers.image.title="ntm-${SERVICE}"
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/quarkus-app/ /app/
RUN useradd --system --uid 185 ntm && chown -R 185 /app
USER 185
ENV JAVA_OPTS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
