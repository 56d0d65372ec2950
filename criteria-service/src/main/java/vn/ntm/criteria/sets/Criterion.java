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
import java.util.Optional;

@Entity
@Table(name = "criterion")
public class Criterion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "set_id")
    private CriteriaSet set;
    private int position;
    private int number;
    private String code;
    private String name;
    @Column(name = "english_name")
    private String englishName;
    @Column(name = "group_code")
    private String groupCode;
    @Column(columnDefinition = "text[]")
    private String[] sectors;
    /** The criteria of other sets this one continues, each {@code <set code>#<number>}. */
    @Column(columnDefinition = "text[]")
    private String[] continues;

    @OneToMany(mappedBy = "criterion", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Indicator> indicators = new ArrayList<>();

    protected Criterion() {
    }

    Criterion(CriteriaSet set, int position, CriteriaSetDocument.Criterion c) {
        this.set = set;
        this.position = position;
        this.number = c.number();
        this.code = c.code();
        this.name = c.name();
        this.englishName = c.englishName();
        this.groupCode = c.group();
        this.sectors = c.sectors().toArray(String[]::new);
        this.continues = c.continues().stream().map(r -> r.set() + "#" + r.criterion()).toArray(String[]::new);
        for (int k = 0; k < c.indicators().size(); k++) {
            indicators.add(new Indicator(this, k + 1, c.indicators().get(k)));
        }
    }

    int number() {
        return number;
    }

    Optional<Indicator> indicator(String indicatorCode) {
        return indicators.stream().filter(i -> i.code().equals(indicatorCode)).findFirst();
    }

    CriteriaSetDocument.Criterion toDocument() {
        return new CriteriaSetDocument.Criterion(number, code, name, englishName, groupCode,
                sectors == null ? List.of() : Arrays.asList(sectors),
                indicators.stream().map(Indicator::toDocument).toList(),
                continues == null ? List.of() : Arrays.stream(continues).map(Criterion::ref).toList());
    }

    private static CriteriaSetDocument.CriterionRef ref(String stored) {
        int hash = stored.lastIndexOf('#');
        return new CriteriaSetDocument.CriterionRef(stored.substring(0, hash),
                Integer.valueOf(stored.substring(hash + 1)));
    }
}
