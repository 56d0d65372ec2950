package vn.ntm.platform.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPointersTest {
    @Test
    void dottedFieldsBecomePointers() {
        assertThat(JsonPointers.fromField("communes[0].code")).isEqualTo("/communes/0/code");
        assertThat(JsonPointers.fromField("note")).isEqualTo("/note");
        assertThat(JsonPointers.fromField("criteria[0].sectors[1]")).isEqualTo("/criteria/0/sectors/1");
        assertThat(JsonPointers.fromField("a~b")).isEqualTo("/a~0b");
        assertThat(JsonPointers.fromField("")).isEmpty();
    }

    @Test
    void pointersBecomeDottedFields() {
        assertThat(JsonPointers.toField("/communes/0/code")).isEqualTo("communes[0].code");
        assertThat(JsonPointers.toField("/note")).isEqualTo("note");
        assertThat(JsonPointers.toField("")).isEmpty();
    }
}
