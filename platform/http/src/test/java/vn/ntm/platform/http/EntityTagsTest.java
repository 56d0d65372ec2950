package vn.ntm.platform.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTest {
    @Test
    void readsStrongWeakAndBareVersions() {
        assertThat(EntityTags.version("\"3\"")).isEqualTo(3L);
        assertThat(EntityTags.version("W/\"3\"")).isEqualTo(3L);
        assertThat(EntityTags.version(" 3 ")).isEqualTo(3L);
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void namesNoVersionForAnythingElse() {
        assertThat(EntityTags.version("*")).isNull();
        assertThat(EntityTags.version("\"abc\"")).isNull();
        assertThat(EntityTags.version(null)).isNull();
    }
}
