package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ntm.inspection.inspections.Requests.InspectionPatch;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies a merge patch (RFC 7396) to the notice fields of a record, with the limits of the create body: the number
 * up to {@link Limits#NOTICE_NUMBER} characters, the place {@link Limits#PLACE}, the signer's title and name
 * {@link Limits#NAME}, up to {@link Limits#RECIPIENTS} recipients, none blank, each up to {@link Limits#NAME}. Pure.
 */
public final class NoticePatch {
    private static final String NOT_BLANK = "jakarta.validation.constraints.NotBlank.message";

    private NoticePatch() {
    }

    /** The fields after the patch; what is wrong is added to {@code errors} (the caller refuses then). */
    public static NoticeFields apply(NoticeFields current, InspectionPatch patch, List<FieldError> errors) {
        String number = text("number", patch.number(), current.number(), Limits.NOTICE_NUMBER, errors);
        String place = text("place", patch.place(), current.place(), Limits.PLACE, errors);
        Signer signer = signer(patch.signer(), current.signer(), errors);
        List<String> recipients = recipients(patch.recipients(), current.recipients(), errors);
        return new NoticeFields(number, place, signer, recipients);
    }

    private static String text(String field, JsonNode value, String current, int max, List<FieldError> errors) {
        if (value == null) {
            return current;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(FieldError.of(field, "inspection.patch.text"));
            return current;
        }
        Limits.length(field, value.textValue(), max, errors);
        return value.textValue();
    }

    private static Signer signer(JsonNode value, Signer current, List<FieldError> errors) {
        if (value == null) {
            return current;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(FieldError.of("signer", "inspection.patch.object"));
            return current;
        }
        String title = current == null ? null : current.title();
        String name = current == null ? null : current.name();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            switch (member.getKey()) {
                case "title" -> title = text("signer.title", member.getValue(), title, Limits.NAME, errors);
                case "name" -> name = text("signer.name", member.getValue(), name, Limits.NAME, errors);
                default -> errors.add(FieldError.of("signer." + member.getKey(), "inspection.patch.unknownField"));
            }
        }
        return title == null && name == null ? null : new Signer(title, name);
    }

    private static List<String> recipients(JsonNode value, List<String> current, List<FieldError> errors) {
        if (value == null) {
            return current;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(FieldError.of("recipients", "inspection.patch.array"));
            return current;
        }
        if (value.size() > Limits.RECIPIENTS) {
            errors.add(FieldError.of("recipients", "inspection.patch.listSize", Limits.RECIPIENTS));
            return current;
        }
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String field = "recipients[" + i + "]";
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                errors.add(FieldError.of(field, "inspection.patch.text"));
            } else if (item.textValue().isBlank()) {
                errors.add(FieldError.of(field, NOT_BLANK));
            } else {
                Limits.length(field, item.textValue(), Limits.NAME, errors);
                recipients.add(item.textValue());
            }
        }
        return List.copyOf(recipients);
    }
}
