package vn.ntm.criteria.sets;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "criteria_group")
public class CriteriaGroup {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "set_id")
    private CriteriaSet set;
    private int position;
    private String code;
    private String name;

    protected CriteriaGroup() {
    }

    CriteriaGroup(CriteriaSet set, int position, String code, String name) {
        this.set = set;
        this.position = position;
        this.code = code;
        this.name = name;
    }

    int position() {
        return position;
    }

    CriteriaSetDocument.Group toDocument() {
        return new CriteriaSetDocument.Group(code, name, position);
    }
}
