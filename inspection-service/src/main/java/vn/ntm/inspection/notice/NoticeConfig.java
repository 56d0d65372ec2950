package vn.ntm.inspection.notice;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of the notice (README "Notice (Thông báo)"). */
@ConfigMapping(prefix = "ntm.notice")
public interface NoticeConfig {

    /**
     * A directory whose files replace the bundled ones of the same name ({@code thong-bao.docx},
     * {@code thong-bao-pdf.properties}, {@code fonts/DejaVuSans.ttf}, …): a province's layout without a release.
     */
    Optional<String> templateDir();

    /** The largest template a province may upload ({@code PUT /notice-templates/…}); larger bodies get 413. */
    @WithDefault("5M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxTemplateSize();
}
