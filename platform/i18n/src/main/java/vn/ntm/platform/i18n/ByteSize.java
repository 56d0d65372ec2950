package vn.ntm.platform.i18n;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A size in bytes as people read it, for a message argument: a whole number of megabytes or kilobytes as
 * {@code 20 MB} or {@code 512 KB}, any other size in bytes grouped the language's way ({@code 2.097.153 byte},
 * {@code 2,097,153 bytes}), so that a size just over a limit does not read as the limit itself.
 */
public record ByteSize(long bytes) {
    private static final long KB = 1024;
    private static final long MB = KB * KB;

    public static ByteSize of(long bytes) {
        return new ByteSize(bytes);
    }

    /** This size in the language (Vietnamese for any but English). */
    public String in(Locale language) {
        NumberFormat number = NumberFormat.getIntegerInstance(language);
        if (bytes >= MB && bytes % MB == 0) {
            return number.format(bytes / MB) + " MB";
        }
        if (bytes >= KB && bytes % KB == 0) {
            return number.format(bytes / KB) + " KB";
        }
        boolean english = Messages.ENGLISH.getLanguage().equals(language.getLanguage());
        return number.format(bytes) + (english ? (bytes == 1 ? " byte" : " bytes") : " byte");
    }

    @Override
    public String toString() {
        return in(Messages.VIETNAMESE);
    }
}
