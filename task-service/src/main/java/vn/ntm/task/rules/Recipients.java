package vn.ntm.task.rules;

import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.shared.AssigneeTypes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Who receives a recommendation. An organisation of a type the rules know, with its code, is taken as given. Any
 * other (free text without a type, as inspection-service records the provincial Youth Union; a type this version
 * does not know; a type without a code) becomes {@link AssigneeTypes#GENERIC} with a deterministic code, so that
 * the work exists, can be filtered and claimed ({@code TO_CHUC:<code>}), and never disappears. Pure.
 */
public final class Recipients {
    /** Codes fit the work list's filter: {@code ^[A-Za-z0-9][A-Za-z0-9:._-]{0,39}$}. */
    static final int MAX_CODE = 40;
    static final String UNNAMED = "Tổ chức được kiến nghị (chưa rõ tên)";

    private Recipients() {
    }

    /** The assignee of a recommendation addressed to {@code given} in the province {@code provinceCode}. */
    public static OrganisationRef of(OrganisationRef given, String provinceCode) {
        String type = given == null ? null : blankToNull(given.type());
        String code = given == null ? null : blankToNull(given.code());
        String name = given == null ? null : blankToNull(given.name());
        if (AssigneeTypes.isContractType(type) && code != null) {
            return given;
        }
        String generic;
        if (code != null) {
            // the code as given; an unknown type stays part of it, so that two types' code 20 do not meet
            generic = fit(type == null || AssigneeTypes.isContractType(type) ? code : type + ":" + code);
        } else {
            generic = derivedCode(provinceCode, name == null ? "" : name);
        }
        return new OrganisationRef(AssigneeTypes.GENERIC, generic, name == null ? UNNAMED : name.strip());
    }

    /**
     * {@code <province>:<name folded to ASCII capitals, words joined by ->}: "Đoàn TNCSHCM tỉnh Lạng Sơn" in 20 →
     * {@code 20:DOAN-TNCSHCM-TINH-LANG-SON}; the same organisation however its name is typed (case, marks, spaces,
     * composed or decomposed Unicode) gets the same code.
     */
    static String derivedCode(String provinceCode, String name) {
        String slug = fold(name);
        if (slug.isEmpty()) {
            slug = "TO-CHUC-" + hash(name);
        }
        String province = provinceCode == null || provinceCode.isBlank() ? "" : provinceCode.strip() + ":";
        return fit(province + slug);
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Only the characters a code may hold; a longer code is cut and keeps a hash of the whole, to stay distinct. */
    static String fit(String raw) {
        String clean = raw.replaceAll("[^A-Za-z0-9:._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (clean.isEmpty()) {
            clean = "TO-CHUC-" + hash(raw);
        }
        if (clean.length() <= MAX_CODE) {
            return clean;
        }
        return clean.substring(0, MAX_CODE - 7) + "-" + hash(raw);
    }

    private static String hash(String text) {
        try {
            String normal = Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("\\s+", " ");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
