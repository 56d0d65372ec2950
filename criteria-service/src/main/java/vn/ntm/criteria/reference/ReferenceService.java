package vn.ntm.criteria.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference lists: the 7 regions, the sectors, the provinces with their region. */
@ApplicationScoped
public class ReferenceService {
    public record RegionView(int number, String name) {
    }

    /**
     * {@code validFrom} null: since ever; {@code validTo} inclusive, null: still valid. Named {@code SectorView1} in
     * the OpenAPI document, as it has been since a sector of a criterion took the name {@code SectorView}.
     */
    @Schema(name = "SectorView1")
    public record SectorView(String code, String name, java.time.LocalDate validFrom, java.time.LocalDate validTo,
                             List<String> successors, String legalBasis, List<SuccessionView> successions) {
    }

    /**
     * A sector that took over duties of a ceased one ({@code POST /sectors/imports}): whether it is the primary one,
     * the duties, and the criteria whose work went to it ({@code LEAD}) or on which it cooperates.
     */
    public record SuccessionView(String code, boolean primary, String duties, List<CriterionDutyView> criteria) {
    }

    /** {@code set} null: the criterion of that number in any set. */
    public record CriterionDutyView(String set, int criterion, String role) {
    }

    public record ProvinceView(String code, String name, int region) {
    }

    private final EntityManager em;

    public ReferenceService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<RegionView> regions() {
        return em.createQuery("from Region r order by r.number", Region.class).getResultList().stream()
                .map(r -> new RegionView(r.number(), r.name())).toList();
    }

    @Transactional
    public List<SectorView> sectors() {
        Map<String, List<CriterionDutyView>> duties = new LinkedHashMap<>();
        for (Object[] row : rows("select from_code, to_code, set_code, criterion, role from sector_criterion_duty"
                + " order by from_code, to_code, criterion, set_code")) {
            String set = (String) row[2];
            duties.computeIfAbsent(row[0] + ">" + row[1], k -> new ArrayList<>())
                    .add(new CriterionDutyView(set.isEmpty() ? null : set, ((Number) row[3]).intValue(),
                            (String) row[4]));
        }
        Map<String, List<SuccessionView>> successions = new LinkedHashMap<>();
        for (Object[] row : rows("select from_code, to_code, is_primary, duties from sector_succession"
                + " order by from_code, position")) {
            successions.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new SuccessionView((String) row[1], (Boolean) row[2], (String) row[3],
                            List.copyOf(duties.getOrDefault(row[0] + ">" + row[1], List.of()))));
        }
        return em.createQuery("from Sector s order by s.position", Sector.class).getResultList().stream()
                .map(s -> new SectorView(s.code(), s.name(), s.validFrom(), s.validTo(), s.successors(),
                        s.legalBasis(), List.copyOf(successions.getOrDefault(s.code(), List.of()))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    /** Sector code → Vietnamese name, in catalog order. */
    @Transactional
    public Map<String, String> sectorNames() {
        Map<String, String> names = new LinkedHashMap<>();
        sectors().forEach(s -> names.put(s.code(), s.name()));
        return names;
    }

    @Transactional
    public List<ProvinceView> provinces() {
        return em.createQuery("from Province p order by p.code", Province.class).getResultList().stream()
                .map(ReferenceService::view).toList();
    }

    @Transactional
    public ProvinceView province(String code) {
        Province p = em.find(Province.class, code);
        if (p == null) {
            throw ServiceException.notFound(LocalizedText.of("criteria.province.notFound"));
        }
        return view(p);
    }

    @Transactional
    public ProvinceView addProvince(ProvinceRequest request) {
        if (em.find(Province.class, request.code()) != null) {
            throw ServiceException.conflict(LocalizedText.of("criteria.province.exists", request.code()))
                    .withCode(ProblemCode.DUPLICATE_PROVINCE);
        }
        Province p = new Province(request.code(), request.name(), request.region());
        em.persist(p);
        return view(p);
    }

    private static ProvinceView view(Province p) {
        return new ProvinceView(p.code(), p.name(), p.region());
    }
}
