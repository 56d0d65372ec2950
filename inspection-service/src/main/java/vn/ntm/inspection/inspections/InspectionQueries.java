package vn.ntm.inspection.inspections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.ntm.inspection.inspections.Views.CommuneRef;
import vn.ntm.inspection.inspections.Views.InspectionListItem;
import vn.ntm.inspection.inspections.Views.Page;
import vn.ntm.inspection.shared.Caller;
import vn.ntm.platform.http.PageLinks;
import vn.ntm.platform.http.SearchTerms;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read side: the filtered, paginated list of inspections (a commune's history is {@code history}'s). */
@ApplicationScoped
public class InspectionQueries {
    public static final int MAX_PAGE_SIZE = 100;

    private final EntityManager em;

    public InspectionQueries(EntityManager em) {
        this.em = em;
    }

    /** {@code q}: words that must each occur in the title, the province, district, lead agency or a commune name. */
    public record Filter(String province, String district, String commune, Integer year, InspectionStatus status,
                         String q) {
        public Filter(String province, String district, String commune, Integer year, InspectionStatus status) {
            this(province, district, commune, year, status, null);
        }
    }

    /** The sort keys of the list, each ascending or (with a leading {@code -}) descending. */
    private static final Map<String, String> SORT_KEYS = Map.of(
            "inspectedOn", "i.inspectedOn", "createdAt", "i.createdAt", "title", "i.title");
    static final String DEFAULT_SORT = "-inspectedOn,-createdAt";

    /**
     * A page of the list sorted by {@code sort} (comma-separated keys, default newest first: inspection date, then
     * recording time), always ending with the id so that pages never overlap or skip. {@code after} (the
     * {@code next} of the previous page) and {@code page} are exclusive; null page and after: the first page.
     */
    @Transactional
    public Page<InspectionListItem> list(Caller caller, Filter filter, String sort, Integer page, String after,
                                         int size) {
        // an inspector or viewer lists their province's inspections and those of the provinces it succeeded
        Set<String> scopes = caller.readScopes();
        if (scopes != null && filter.province() != null && !scopes.contains(filter.province())) {
            throw ServiceException.forbidden(LocalizedText.of("inspection.list.forbidden", caller.readScope()));
        }
        List<FieldError> errors = new ArrayList<>();
        Limits.code("province", filter.province(), errors);
        Limits.code("district", filter.district(), errors);
        Limits.code("commune", filter.commune(), errors);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.province() != null) {
            where.append(" and i.provinceCode = :province");
            params.put("province", filter.province());
        } else if (scopes != null) {
            where.append(" and i.provinceCode in :scopes");
            params.put("scopes", scopes.isEmpty() ? Set.of("") : scopes);
        }
        if (filter.district() != null) {
            where.append(" and i.districtCode = :district");
            params.put("district", filter.district());
        }
        if (filter.commune() != null) {
            where.append(" and exists (select c.id from InspectionCommune c where c.inspection = i and c.code = :commune)");
            params.put("commune", filter.commune());
        }
        if (filter.year() != null) {
            int year = filter.year();
            where.append(" and i.inspectedOn >= :from and i.inspectedOn < :to");
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("to", LocalDate.of(year + 1, 1, 1));
        }
        if (filter.status() != null) {
            params.put("status", filter.status());
            where.append(" and i.status = :status");
        }
        // q: diacritics and case ignored on both sides (ntm_fold); each branch is served by its trigram index (V8)
        // and the wildcards escaped after folding (SearchTerms.containsPattern)
        List<String> typed = SearchTerms.words(filter.q(), errors);
        for (int n = 0; n < typed.size(); n++) {
            String pattern = SearchTerms.containsPattern("function('ntm_fold' as String, :q" + n + ")")
                    + SearchTerms.ESCAPE_CLAUSE;
            where.append(" and (i.id in (select x.id from Inspection x where function('ntm_inspection_search' as"
                    + " String, x.title, x.provinceName, x.districtName, x.leadAgency) like ").append(pattern)
                    .append(") or i.id in (select c.inspection.id from InspectionCommune c where"
                            + " function('ntm_fold' as String, c.name) like ").append(pattern).append("))");
            params.put("q" + n, typed.get(n));
        }
        String orderBy = orderBy(sort, errors);
        int p = page == null ? 0 : page;
        if (after != null && !after.isBlank()) {
            Integer position = PageLinks.positionOf(after);
            if (page != null) {
                errors.add(FieldError.of("page", "inspection.query.pageAndAfter"));
            } else if (position == null || position > Limits.MAX_PAGE) {
                errors.add(FieldError.of("after", "inspection.query.cursor"));
            } else {
                p = position;
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("inspection.query.invalid"), errors);
        }
        TypedQuery<Long> count = em.createQuery("select count(i) from Inspection i" + where, Long.class);
        TypedQuery<Inspection> items = em.createQuery("select i from Inspection i" + where
                + " order by " + orderBy + ", i.id", Inspection.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        List<Inspection> found = items.setFirstResult(Math.toIntExact((long) p * size)).setMaxResults(size + 1)
                .getResultList();
        boolean more = found.size() > size;
        List<InspectionListItem> content = found.stream().limit(size)
                .map(i -> new InspectionListItem(i.id(), i.status().name(), i.title(), i.inspectedOn(), i.province(),
                        i.district(), i.communes().stream().map(c -> new CommuneRef(c.code(), c.name())).toList(),
                        i.finalizedAt()))
                .toList();
        String next = more && p < Limits.MAX_PAGE ? PageLinks.positionCursor(p + 1) : null;
        return new Page<>(content, count.getSingleResult(), p, size, true, next);
    }

    private static String orderBy(String sort, List<FieldError> errors) {
        List<String> terms = new ArrayList<>();
        String[] keys = (sort == null || sort.isBlank() ? DEFAULT_SORT : sort).split(",", -1);
        for (String key : keys) {
            String k = key.strip();
            if (keys.length > SORT_KEYS.size()) {
                errors.add(FieldError.of("sort", "inspection.query.sort", sort.length() > 40
                        ? sort.substring(0, 40) + "…" : sort, "inspectedOn, createdAt, title"));
                return "i.id";
            }
            boolean descending = k.startsWith("-");
            String column = SORT_KEYS.get(descending ? k.substring(1) : k);
            if (column == null) {
                errors.add(FieldError.of("sort", "inspection.query.sort", k, "inspectedOn, createdAt, title"));
                return "i.id";
            }
            terms.add(column + (descending ? " desc" : ""));
        }
        return String.join(", ", terms);
    }
}
