package vn.ntm.platform.http;

import jakarta.ws.rs.BadRequestException;
import vn.ntm.platform.http.ServiceException.FieldError;

/** A request parameter whose value cannot be read as its type; {@link ProblemMapper} answers a validation problem. */
public class InvalidParamException extends BadRequestException {
    private final transient FieldError error;
    private final String detailKey;

    /** {@code detailKey}: the parameter's own {@link ParamsDetail}, or null for the resource's. */
    public InvalidParamException(FieldError error, String detailKey) {
        super(error.message().key());
        this.error = error;
        this.detailKey = detailKey;
    }

    public String detailKey() {
        return detailKey;
    }

    public FieldError error() {
        return error;
    }
}
