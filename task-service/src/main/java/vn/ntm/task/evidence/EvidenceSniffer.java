package vn.ntm.task.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The content type of an evidence file from its first bytes (magic numbers), never from what the client says:
 * PDF, images (JPEG, PNG, GIF, WebP, TIFF, BMP), Office Open XML and OpenDocument (ZIP containers, told apart by their
 * entries) and legacy Word/Excel/PowerPoint (OLE2, told apart by the file name's extension). Anything else is not
 * accepted as evidence.
 */
public final class EvidenceSniffer {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private EvidenceSniffer() {
    }

    /** The sniffed type, or null when the file is none of the accepted kinds. */
    public static String sniff(Path file, String fileName) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] h = Arrays.copyOf(head, n);
        if (starts(h, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(h, "GIF87a".getBytes(StandardCharsets.US_ASCII)) || starts(h, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (h.length >= 12 && starts(h, 'R', 'I', 'F', 'F') && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return "image/webp";
        }
        if (starts(h, 'I', 'I', 0x2A, 0x00) || starts(h, 'M', 'M', 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (starts(h, 'B', 'M') && h.length >= 14) {
            return "image/bmp";
        }
        if (starts(h, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return switch (extension(fileName)) {
                case "doc" -> "application/msword";
                case "xls" -> "application/vnd.ms-excel";
                case "ppt" -> "application/vnd.ms-powerpoint";
                default -> null;
            };
        }
        if (starts(h, 'P', 'K', 0x03, 0x04)) {
            return zipped(file);
        }
        return null;
    }

    private static String zipped(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    if (type.startsWith("application/vnd.oasis.opendocument.")) {
                        return type;
                    }
                }
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return DOCX;
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return PPTX;
                }
            }
            return null;
        } catch (IOException e) {
            return null; // not a readable ZIP: not an office document
        }
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] h, byte[] prefix) {
        return h.length >= prefix.length && Arrays.equals(h, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean starts(byte[] h, int... prefix) {
        if (h.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((h[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
