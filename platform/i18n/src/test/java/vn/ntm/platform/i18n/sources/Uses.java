package vn.ntm.platform.i18n.sources;

import vn.ntm.platform.i18n.LocalizedText;

/** Sources for {@code MessagesTest}: one key the test catalog has, one it lacks. */
final class Uses {
    static final LocalizedText PRESENT = LocalizedText.of("sample.notFound", 1);
    static final LocalizedText ABSENT = LocalizedText.of("sample.absent");

    private Uses() {
    }
}
