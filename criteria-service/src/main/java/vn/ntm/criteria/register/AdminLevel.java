package vn.ntm.criteria.register;

import java.util.Arrays;
import java.util.Optional;

/** The tier of an administrative unit and the length of its statistics-office code. */
public enum AdminLevel {
    PROVINCE("province", 2), DISTRICT("district", 3), COMMUNE("commune", 5);

    private final String wire;
    private final int codeLength;

    AdminLevel(String wire, int codeLength) {
        this.wire = wire;
        this.codeLength = codeLength;
    }

    /** As in the CSV {@code level} column, the {@code level=} query and the events: lower case. */
    public String wire() {
        return wire;
    }

    public boolean fitsCode(String code) {
        return code != null && code.length() == codeLength && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    public int codeLength() {
        return codeLength;
    }

    /** A code of some level: 2, 3 or 5 digits. */
    public static boolean isCode(String code) {
        return code != null && Arrays.stream(values()).anyMatch(l -> l.fitsCode(code));
    }

    public static Optional<AdminLevel> fromWire(String value) {
        return Arrays.stream(values()).filter(l -> l.wire.equals(value)).findFirst();
    }

    /** A province has no parent; a district lies in a province; a commune in a district, or (from 2025-07-01) a province. */
    public boolean acceptsParent(AdminLevel parent) {
        return switch (this) {
            case PROVINCE -> false;
            case DISTRICT -> parent == PROVINCE;
            case COMMUNE -> parent == DISTRICT || parent == PROVINCE;
        };
    }
}
