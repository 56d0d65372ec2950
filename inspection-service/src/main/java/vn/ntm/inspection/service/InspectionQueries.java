package vn.ntm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.ntm.inspection.domain.Inspection;
import vn.ntm.inspection.domain.InspectionStatus;
import vn.ntm.inspection.service.ServiceException.FieldError;
import vn.ntm.inspection.service.Views.CommuneHistory;
import vn.ntm.inspection.service.Views.CommuneRef;
import vn.ntm.inspection.service.Views.InspectionListItem;
import vn.ntm.inspection.service.Views.Page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Read side: the filtered, paginated list and a commune's history. */
@ApplicationScoped
public class InspectionQueries {
    public static final int MAX_PAGE_SIZE = 100;

    private final EntityManager em;
    private final InspectionViews views;

    public InspectionQueries(EntityManager em, InspectionViews views) {
        this.em = em;
        this.views = views;
    }

    public record Filter(String province, String district, String commune, String year, String status) {
    }

    /** Newest inspection first (inspection date, then recording time, then id: a stable order for paging). */
    @Transactional
    public Page<InspectionListItem> list(Caller caller, Filter filter, int page, int size) {
        String scope = caller.readScope();
        if (scope != null && filter.province() != null && !filter.province().equals(scope)) {
            throw ServiceException.forbidden("Only inspections of province " + scope + " may be listed by this caller.");
        }
        if (scope != null) {
            filter = new Filter(scope, filter.district(), filter.commune(), filter.year(), filter.status());
        }
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.province() != null) {
            where.append(" and i.provinceCode = :province");
            params.put("province", filter.province());
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
            try {
                int year = Integer.parseInt(filter.year());
                where.append(" and i.inspectedOn >= :from and i.inspectedOn < :to");
                params.put("from", LocalDate.of(year, 1, 1));
                params.put("to", LocalDate.of(year + 1, 1, 1));
            } catch (RuntimeException e) {
                errors.add(new FieldError("year", "must be a year such as 2022"));
            }
        }
        if (filter.status() != null) {
            try {
                params.put("status", InspectionStatus.valueOf(filter.status().toUpperCase(Locale.ROOT)));
                where.append(" and i.status = :status");
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be DRAFT or FINALIZED"));
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest("Invalid query parameters.", errors);
        }
        TypedQuery<Long> count = em.createQuery("select count(i) from Inspection i" + where, Long.class);
        TypedQuery<Inspection> items = em.createQuery("select i from Inspection i" + where
                + " order by i.inspectedOn desc, i.createdAt desc, i.id", Inspection.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        List<InspectionListItem> content = items.setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream()
                .map(i -> new InspectionListItem(i.id(), i.status().name(), i.title(), i.inspectedOn(), i.province(),
                        i.district(), i.communes().stream().map(c -> new CommuneRef(c.code(), c.name())).toList(),
                        i.finalizedAt()))
                .toList();
        return new Page<>(content, count.getSingleResult(), page, size);
    }

    @Transactional
    public CommuneHistory history(Caller caller, String communeCode) {
        return new CommuneHistory(communeCode, views.history(communeCode, caller::mayRead));
    }
}
