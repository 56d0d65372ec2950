package vn.ntm.task.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of a unit in task-service's copy of the register (written by {@code RegisterCopyService} in plain
 * SQL); mapped read-only so that queries on tasks can ask which district a commune belonged to on a date.
 */
@Entity
@Immutable
@Table(name = "admin_unit")
@IdClass(AdminUnit.Key.class)
public class AdminUnit {
    @Id
    private String code;
    @Id
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    private String level;
    @Column(name = "parent_code")
    private String parentCode;

    protected AdminUnit() {
    }

    /** The primary key (code, valid_from). */
    public static class Key implements Serializable {
        private String code;
        private LocalDate validFrom;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(code, k.code) && Objects.equals(validFrom, k.validFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, validFrom);
        }
    }
}
