package vn.ntm.platform.http;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Conversions between the dotted field names of {@code errors[].field} and RFC 6901 JSON pointers. */
public final class JsonPointers {
    private JsonPointers() {
    }

    /** {@code communes[0].code} becomes {@code /communes/0/code}; an empty field is the whole body, {@code ""}. */
    public static String fromField(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                flush(out, token);
            } else {
                token.append(c);
            }
        }
        flush(out, token);
        return out.toString();
    }

    /** Jackson's path of a mapping error in the dotted form: {@code communes[0].code}. */
    public static String field(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** {@code /communes/0/code} back to {@code communes[0].code}. */
    public static String toField(String pointer) {
        StringBuilder out = new StringBuilder();
        if (pointer == null || pointer.isEmpty()) {
            return "";
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder token) {
        if (!token.isEmpty()) {
            out.append('/').append(token.toString().replace("~", "~0").replace("/", "~1"));
            token.setLength(0);
        }
    }
}
