package vn.ntm.task.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.ntm.task.service.ServiceException.FieldError;

import java.util.List;

/** RFC 9457 problem details; {@code errors} lists the offending fields of a validation failure. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
