package vn.ntm.task;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Multipart bodies written byte by byte as browsers send them: the file name in the part header as raw UTF-8
 * (what Chrome, Firefox and Safari do for form uploads), or as RFC 5987 {@code filename*}.
 */
public final class Multipart {
    private Multipart() {
    }

    /** A minimal PDF (its magic bytes are what makes it one) with {@code text} inside. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    public static RequestSpecification file(RequestSpecification request, String fileName, byte[] content) {
        return part(request, "form-data; name=\"file\"; filename=\"" + fileName + "\"", "application/octet-stream",
                content);
    }

    public static RequestSpecification fileStar(RequestSpecification request, String asciiName, String encodedName,
                                                byte[] content) {
        return part(request, "form-data; name=\"file\"; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + encodedName, "application/pdf", content);
    }

    public static RequestSpecification part(RequestSpecification request, String disposition, String type,
                                            byte[] content) {
        String boundary = "----ntmBoundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + type
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // no "; charset=ISO-8859-1" appended: browsers send none, and it would change how the name is decoded
        return request.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray());
    }
}
