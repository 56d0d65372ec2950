package vn.ntm.criteria.sets;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

@Entity
@Table(name = "threshold")
public class Threshold {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "indicator_id")
    private Indicator indicator;
    private int position;
    private Integer region;
    private Integer year;
    private String kind;
    private BigDecimal value;
    private String unit;

    protected Threshold() {
    }

    Threshold(Indicator indicator, int position, CriteriaSetDocument.Threshold t) {
        this.indicator = indicator;
        this.position = position;
        this.region = t.region();
        this.year = t.year();
        this.kind = t.kind();
        this.value = t.value();
        this.unit = t.unit();
    }

    public CriteriaSetDocument.Threshold toDocument() {
        return new CriteriaSetDocument.Threshold(region, year, kind, value, unit);
    }
}
