package vn.ntm.platform.http;

import vn.ntm.platform.i18n.LocalizedText;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** A JSON string holding U+0000 or an unpaired surrogate: PostgreSQL cannot store the first, the second is not text. */
public class InvalidTextException extends JsonParseException {
    /** For logs; the client gets {@link #TEXT} in its language. */
    public static final String MESSAGE = "must not contain U+0000 or unpaired surrogates";
    public static final LocalizedText TEXT = LocalizedText.of("problem.field.invalidText");
    private final String pointer;

    InvalidTextException(JsonParser parser, String pointer) {
        super(parser, MESSAGE);
        this.pointer = pointer;
    }

    /** Where the string is, as a JSON pointer ({@code /communes/0/name}). */
    public String pointer() {
        return pointer;
    }
}
