package vn.ntm.task.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.Objects;

/**
 * A sector that leads (chủ trì) a criterion of a set: the catalog's lead sector, or one that took its work over by
 * succession (TNMT's criterion 17 → NNMT). Written by {@code register/SectorCopyService} in plain SQL; mapped
 * read-only so that {@link TaskVisibility} can ask which criteria a department leads.
 */
@Entity
@Immutable
@Table(name = "criterion_lead")
@IdClass(CriterionLead.Key.class)
public class CriterionLead {
    @Id
    @Column(name = "set_code")
    private String setCode;
    @Id
    private int number;
    @Id
    private String sector;

    protected CriterionLead() {
    }

    /** The primary key (sector, set_code, number). */
    public static class Key implements Serializable {
        private String setCode;
        private int number;
        private String sector;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && number == k.number && Objects.equals(setCode, k.setCode)
                    && Objects.equals(sector, k.sector);
        }

        @Override
        public int hashCode() {
            return Objects.hash(setCode, number, sector);
        }
    }
}
