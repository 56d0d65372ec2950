package vn.ntm.inspection.inspections;

/** Who signs the notice: the title ("GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC") and the name; either may be null. */
public record Signer(String title, String name) {
}
