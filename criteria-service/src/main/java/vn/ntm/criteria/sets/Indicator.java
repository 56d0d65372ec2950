package vn.ntm.criteria.sets;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "indicator")
public class Indicator {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "criterion_id")
    private Criterion criterion;
    private int position;
    private String code;
    private String name;
    @Column(columnDefinition = "text[]")
    private String[] sectors;

    @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Threshold> thresholds = new ArrayList<>();

    protected Indicator() {
    }

    Indicator(Criterion criterion, int position, CriteriaSetDocument.Indicator i) {
        this.criterion = criterion;
        this.position = position;
        this.code = i.code();
        this.name = i.name();
        this.sectors = i.sectors().toArray(String[]::new);
        for (int t = 0; t < i.thresholds().size(); t++) {
            thresholds.add(new Threshold(this, t + 1, i.thresholds().get(t)));
        }
    }

    String code() {
        return code;
    }

    Threshold addThreshold(CriteriaSetDocument.Threshold t) {
        Threshold threshold = new Threshold(this, thresholds.size() + 1, t);
        thresholds.add(threshold);
        return threshold;
    }

    public CriteriaSetDocument.Indicator toDocument() {
        return new CriteriaSetDocument.Indicator(code, name, sectors == null ? List.of() : Arrays.asList(sectors),
                thresholds.stream().map(Threshold::toDocument).toList());
    }
}
