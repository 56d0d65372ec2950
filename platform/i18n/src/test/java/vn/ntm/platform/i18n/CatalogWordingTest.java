package vn.ntm.platform.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts for people in every module's message catalog ({@code src/main/resources/messages/*_vi|_en.properties}
 * of the whole project, read from the source tree): no raw enum value, configuration key, topic name, UUID or
 * ungrouped number, and one Vietnamese term per concept.
 */
class CatalogWordingTest {
    private static final Pattern ENUM_BODY = Pattern.compile("\\benum\\s+\\w+[^{]*\\{([^;}]*)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern CONSTANT = Pattern.compile("(?:^|,)\\s*([A-Z][A-Z0-9_]*)\\s*(?=\\(|,|$)");
    private static final Pattern TOKEN = Pattern.compile("(?<![\\w.-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\w-])");
    private static final Pattern CONFIG_KEY = Pattern.compile("\\b(?:ntm|quarkus|mp|kafka)(?:\\.[a-z][\\w-]*)+");
    private static final Pattern TOPIC = Pattern.compile("\\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-events\\b|\\bcriteria-reference\\b");
    private static final Pattern UUID = Pattern.compile("\\b\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,+])\\d{5,}(?![\\d])");
    /** Values of the project's that are not Java enums: an extension's state (a column of task_extension). */
    private static final Set<String> NOT_JAVA_ENUMS = Set.of("PENDING", "APPROVED", "REJECTED");
    /** Enum constants that are also ordinary words or abbreviations of the domain ("NTM": nông thôn mới). */
    private static final Set<String> ORDINARY = Set.of("NTM");

    @Test
    void noCatalogEntryShowsInternals() throws IOException {
        Path root = projectRoot();
        Set<String> constants = enumConstants(root);
        assertThat(constants).contains("DONE", "NTM_NANG_CAO", "PUBLISHED", "FINALIZED", "NOT_ASSESSED", "SO_NGANH");
        List<Path> catalogs = catalogs(root);
        assertThat(catalogs).extracting(p -> root.relativize(p).toString().replace('\\', '/')).contains(
                "platform/http/src/main/resources/messages/problems_vi.properties",
                "task-service/src/main/resources/messages/service_en.properties");
        List<String> problems = new ArrayList<>();
        for (Path catalog : catalogs) {
            boolean vietnamese = catalog.getFileName().toString().endsWith("_vi.properties");
            Properties entries = load(catalog);
            for (String key : new TreeSet<>(entries.stringPropertyNames())) {
                for (String problem : check(entries.getProperty(key), vietnamese, constants)) {
                    problems.add(root.relativize(catalog) + ": " + key + ": " + problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every code a message names through a label key ({@code task.status.} + the enum's name) has the label. */
    @Test
    void everyLabelledCodeHasItsLabelInBothLanguages() throws IOException {
        Path root = projectRoot();
        String criteria = "criteria-service/src/main/java/vn/ntm/criteria/sets/";
        String inspections = "inspection-service/src/main/java/vn/ntm/inspection/inspections/";
        String organisations = "event-contracts/src/main/java/vn/ntm/contracts/OrganisationType.java";
        List<String[]> families = List.of(
                new String[] {"criteria-service", "criteria.setStatus.", criteria + "SetStatus.java"},
                new String[] {"criteria-service", "criteria.thresholdKind.", criteria + "ThresholdKind.java"},
                new String[] {"inspection-service", "inspection.setStatus.", criteria + "SetStatus.java"},
                new String[] {"inspection-service", "inspection.tier.", inspections + "TargetTier.java"},
                new String[] {"inspection-service", "inspection.orgType.", organisations},
                new String[] {"task-service", "task.status.", "task-service/src/main/java/vn/ntm/task/shared/TaskStatus.java"},
                new String[] {"task-service", "task.assigneeType.", organisations});
        List<String> missing = new ArrayList<>();
        for (String[] family : families) {
            Set<String> constants = constantsOf(root.resolve(family[2]));
            assertThat(constants).as(family[2]).isNotEmpty();
            for (String language : List.of("vi", "en")) {
                Properties catalog = load(root.resolve(family[0] + "/src/main/resources/messages/service_" + language
                        + ".properties"));
                for (String constant : constants) {
                    if (catalog.getProperty(family[1] + constant) == null) {
                        missing.add(family[0] + " " + language + ": " + family[1] + constant);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theCheckFindsEachKindOfInternal() {
        Set<String> constants = Set.of("DONE", "PUBLISHED", "NTM_NANG_CAO");
        assertThat(check("Nhiệm vụ đang ở trạng thái DONE.", true, constants)).containsExactly("enum value DONE");
        assertThat(check("mức NTM_KIEU_MAU", true, constants)).containsExactly("enum value NTM_KIEU_MAU");
        assertThat(check("vượt ntm.tasks.export-max-rows", false, constants))
                .containsExactly("configuration key ntm.tasks.export-max-rows");
        assertThat(check("đọc từ inspection-events", true, constants)).containsExactly("topic inspection-events");
        assertThat(check("trên criteria-reference", true, constants)).containsExactly("topic criteria-reference");
        assertThat(check("id 3f2b8c1e-0a4d-4e5f-9b6a-1c2d3e4f5a6b", true, constants))
                .containsExactly("UUID 3f2b8c1e-0a4d-4e5f-9b6a-1c2d3e4f5a6b");
        assertThat(check("tối đa 20971520 byte", true, constants)).containsExactly("ungrouped number 20971520");
        assertThat(check("Cuộc kiểm tra {0}", true, constants)).containsExactly("\"cuộc kiểm tra\": say \"đợt kiểm tra\"");
        assertThat(check("được bãi bỏ", true, constants)).containsExactly("\"bãi bỏ\": say \"ngừng áp dụng\"");
        assertThat(check("đơn vị thẩm định", true, constants)).hasSize(1);
        assertThat(check("tối đa 50.000 dòng, 20 MB, năm 2025, U+0000, {0,number}, YYYY-MM-DD, NTM", true, constants))
                .isEmpty();
        assertThat(check("at most 50,000 rows; If-Match; Retry-After", false, constants)).isEmpty();
    }

    /** What is wrong with one entry's text, one line each. */
    static List<String> check(String text, boolean vietnamese, Set<String> constants) {
        List<String> out = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String t = token.group();
            if (!ORDINARY.contains(t) && (t.contains("_") || constants.contains(t))) {
                out.add("enum value " + t);
            }
        }
        find(CONFIG_KEY, text, "configuration key ", out);
        find(TOPIC, text, "topic ", out);
        find(UUID, text, "UUID ", out);
        find(NUMBER, text, "ungrouped number ", out);
        if (vietnamese) {
            String lower = text.toLowerCase(java.util.Locale.forLanguageTag("vi"));
            if (lower.contains("cuộc kiểm tra")) {
                out.add("\"cuộc kiểm tra\": say \"đợt kiểm tra\"");
            }
            if (lower.contains("bãi bỏ")) {
                out.add("\"bãi bỏ\": say \"ngừng áp dụng\"");
            }
            // the formal appraisal for recognition is not a concept of these services: the verifier "kiểm tra, xác nhận"
            if (lower.contains("thẩm định")) {
                out.add("\"thẩm định\": the verifier checks and confirms (\"kiểm tra, xác nhận kết quả\")");
            }
        }
        return out;
    }

    private static void find(Pattern pattern, String text, String what, List<String> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(what + m.group());
        }
    }

    /** The constants of every enum declared in the project's main sources. */
    static Set<String> enumConstants(Path root) throws IOException {
        Set<String> out = new TreeSet<>(NOT_JAVA_ENUMS);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(CatalogWordingTest::mainSource).toList()) {
                out.addAll(constantsOf(file));
            }
        }
        return out;
    }

    private static Set<String> constantsOf(Path file) throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher body = ENUM_BODY.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" "));
        while (body.find()) {
            Matcher constant = CONSTANT.matcher(body.group(1).replaceAll("\\([^)]*\\)", "()").strip());
            while (constant.find()) {
                out.add(constant.group(1));
            }
        }
        return out;
    }

    private static boolean mainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.contains("/node_modules/");
    }

    static List<Path> catalogs(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> {
                String path = f.toString().replace('\\', '/');
                return path.contains("/src/main/resources/messages/") && !path.contains("/target/")
                        && (path.endsWith("_vi.properties") || path.endsWith("_en.properties"));
            }).sorted().toList();
        }
    }

    private static Properties load(Path catalog) throws IOException {
        Properties out = new Properties();
        try (Reader in = Files.newBufferedReader(catalog, StandardCharsets.UTF_8)) {
            out.load(in);
        }
        return out;
    }

    /** The directory with the project's {@code mvnw}, above this module. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
