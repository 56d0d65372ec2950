# syntax=docker/dockerfile:1
# One Dockerfile for the three services, built from the repository root with the service as a build argument:
#   docker build --build-arg SERVICE=task-service -t ntm/task-service .
# (SERVICE: criteria-service, inspection-service or task-service.) The image holds that service and the modules it
# needs (event-contracts, the shared modules under platform/), built with -am. Tests are skipped with
# -Dmaven.test.skip=true, so test-infra and local-infra (the tests' PostgreSQL and Kafka) are neither built nor downloaded: the
# services depend on them only in their profile for tests. The service listens on its own quarkus.http.port (8081,
# 8082, 8083), which QUARKUS_HTTP_PORT overrides, and serves health and metrics on quarkus.management.port (9081,
# 9082, 9083; QUARKUS_MANAGEMENT_PORT), which takes no token and is for probes and Prometheus only.

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
# /app stays owned by root: the service only reads it, and runs on a read-only root filesystem (deploy/k8s,
# docker-compose.yml) with /tmp as its one writable directory.
RUN useradd --system --uid 185 ntm
USER 185
# Memory (README "Operations"): the options ./run.sh and BENCHMARKS.md measure with (Launcher.DEFAULT_JAVA_OPTS), a
# heap of at most 384 MiB. The largest service peaked at 680 MiB RSS with that heap full, so 296 MiB outside it
# (metaspace, code, threads, buffers, malloc); 384 + 296 fits the manifests' 768Mi limit. MaxRAMPercentage=75 of
# 768Mi would be a 576 MiB heap and an RSS near 870 MiB: killed for memory under load. MALLOC_ARENA_MAX=2 keeps
# glibc's per-thread arenas from growing native memory. Everything the JVM writes (temporary files, crash logs,
# perf data) goes to /tmp.
ENV JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx384m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxMetaspaceSize=192m -Xss512k -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -XX:ErrorFile=/tmp/hs_err_pid%p.log" \
    MALLOC_ARENA_MAX=2
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
