package vn.ntm.inspection.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The local copy of one criteria set; lets findings be checked while criteria-service is down. */
@Entity
@Table(name = "catalog_set")
public class CatalogSet extends PanacheEntityBase {
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    private String code;
    private String name;
    private String level;
    private String tier;
    private String status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column
    private List<CatalogCriterion> criteria;
    private String source;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CatalogSet() {
    }

    public static CatalogSet of(String code) {
        CatalogSet set = new CatalogSet();
        set.code = code;
        return set;
    }

    /** Replaces the copy with what the catalog says now. */
    public void update(String name, String level, String tier, String status, List<CatalogCriterion> criteria,
                       String source) {
        this.name = name;
        this.level = level;
        this.tier = tier;
        this.status = status;
        this.criteria = List.copyOf(criteria);
        this.source = source;
        this.updatedAt = Instant.now();
    }

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    public Optional<CatalogCriterion> criterion(int number) {
        return criteria.stream().filter(c -> c.number() == number).findFirst();
    }

    public List<Integer> criterionNumbers() {
        return criteria.stream().map(CatalogCriterion::number).sorted().toList();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    /** The tier the set is for ({@code NTM}, {@code NTM_NANG_CAO}, {@code NTM_KIEU_MAU}). */
    public String tier() {
        return tier;
    }

    public List<CatalogCriterion> criteria() {
        return criteria;
    }
}
