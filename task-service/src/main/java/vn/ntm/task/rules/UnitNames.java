package vn.ntm.task.rules;

import java.util.List;

/**
 * Administrative unit names as they read inside a sentence. The register names a unit with its type in front
 * ("Xã Thượng Cường", "Huyện Chi Lăng", "Thành phố Hà Nội"); older events carry the bare name ("Thượng Cường").
 * In running text the type is lower case ("UBND xã Thượng Cường"), and a bare name gets the type the caller expects.
 */
public final class UnitNames {
    private static final List<String> TYPES = List.of("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Quận",
            "Huyện", "Tỉnh", "Xã");

    private UnitNames() {
    }

    /** {@code "Xã Thượng Cường"} → {@code "xã Thượng Cường"}; {@code "Thượng Cường"} with {@code "xã"} → the same. */
    public static String inText(String name, String defaultType) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String n = name.strip();
        for (String type : TYPES) {
            if (n.startsWith(type + " ") && n.length() > type.length() + 1) {
                return type.toLowerCase(java.util.Locale.ROOT) + n.substring(type.length());
            }
        }
        return defaultType + " " + n;
    }
}
