package vn.ntm.inspection.notice;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Settings of the notice (README "Notice (Thông báo)"). */
@ConfigMapping(prefix = "ntm.notice")
public interface NoticeConfig {

    /**
     * A directory whose files replace the bundled ones of the same name ({@code thong-bao.docx},
     * {@code thong-bao-pdf.properties}, {@code fonts/DejaVuSans.ttf}, …): a province's layout without a release.
     */
    Optional<String> templateDir();
}
