package vn.ntm.inspection.shared;

import java.util.Set;

/** The provinces a province succeeded, from the register copy (Vĩnh Long 86 succeeded Bến Tre 83 and Trà Vinh 84). */
public interface ProvinceSuccessions {
    /** Every province {@code provinceCode} succeeded, directly or through others; never itself. */
    Set<String> predecessorsOf(String provinceCode);
}
