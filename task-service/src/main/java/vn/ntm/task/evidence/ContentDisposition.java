package vn.ntm.task.evidence;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition: attachment} carrying a file's original name (RFC 6266): an ASCII {@code filename}
 * for old clients (Vietnamese letters without their marks, đ as d) and {@code filename*=UTF-8''…} (RFC 8187) with
 * the exact name, which every current browser prefers.
 */
final class ContentDisposition {
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
    }

    static String asciiFallback(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        for (char ch : plain.toCharArray()) {
            out.append(ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\' && ch != '%' ? ch : '_');
        }
        return out.toString();
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte percent-encoded. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATTR_CHAR.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
