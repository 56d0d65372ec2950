package vn.ntm.task.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of a multipart part: RFC 5987 {@code filename*=UTF-8''…} when the part's Content-Disposition has it
 * (it wins over {@code filename}, RFC 6266 §4.3), else the plain {@code filename} as the parser read it (browsers send
 * it as raw UTF-8).
 */
final class PartFileName {
    private static final Pattern EXT = Pattern.compile("(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([^';\\s]*)'[^']*'([^;\\s]*)");

    private PartFileName() {
    }

    static String of(String contentDisposition, String parsed) {
        if (contentDisposition != null) {
            Matcher m = EXT.matcher(contentDisposition);
            if (m.find()) {
                String decoded = decode(m.group(1), m.group(2));
                if (decoded != null) {
                    return decoded;
                }
            }
        }
        return parsed;
    }

    /** Percent-decodes {@code value} in {@code charset}; null when it is malformed or the charset unknown. */
    static String decode(String charset, String value) {
        Charset cs;
        try {
            cs = Charset.forName(charset.isEmpty() ? "UTF-8" : charset.toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        byte[] raw = bytes.toByteArray();
        if (cs.equals(StandardCharsets.UTF_8)) {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return null; // not UTF-8: fall back to the plain filename
            }
        }
        return new String(raw, cs);
    }
}
