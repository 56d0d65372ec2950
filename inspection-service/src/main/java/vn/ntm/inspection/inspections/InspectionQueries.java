package vn.ntm.inspection.inspections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.ntm.inspection.inspections.Views.CommuneRef;
import vn.ntm.inspection.inspections.Views.InspectionListItem;
import vn.ntm.inspection.inspections.Views.Page;
import vn.ntm.inspection.shared.Caller;
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

    /** Newest inspection first (inspection date, then recording time, then id: a stable order for paging). */
    @Transactional
    public Page<InspectionListItem> list(Caller caller, Filter filter, int page, int size) {
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
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("inspection.query.invalid"), errors);
        }
        TypedQuery<Long> count = em.createQuery("select count(i) from Inspection i" + where, Long.class);
        TypedQuery<Inspection> items = em.createQuery("select i from Inspection i" + where
                + " order by i.inspectedOn desc, i.createdAt desc, i.id", Inspection.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        List<InspectionListItem> content = items.setFirstResult(Math.toIntExact((long) page * size)).setMaxResults(size).getResultList()
                .stream()
                .map(i -> new InspectionListItem(i.id(), i.status().name(), i.title(), i.inspectedOn(), i.province(),
                        i.district(), i.communes().stream().map(c -> new CommuneRef(c.code(), c.name())).toList(),
                        i.finalizedAt()))
                .toList();
        return new Page<>(content, count.getSingleResult(), page, size);
    }
}
