package vn.ntm.task.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartFileNameTest {
    @Test
    void prefersTheRfc5987NameOverThePlainOne() {
        assertThat(PartFileName.of("form-data; name=\"file\"; filename=\"Anh.png\"; filename*=UTF-8''%E1%BA%A2nh.png",
                "Anh.png")).isEqualTo("Ảnh.png");
        assertThat(PartFileName.of("form-data; name=\"file\"; filename*=utf-8'vi'B%C3%A1o%20c%C3%A1o.pdf", null))
                .isEqualTo("Báo cáo.pdf");
    }

    @Test
    void keepsThePlainNameWhenThereIsNoValidExtendedOne() {
        assertThat(PartFileName.of("form-data; name=\"file\"; filename=\"Biên bản.pdf\"", "Biên bản.pdf"))
                .isEqualTo("Biên bản.pdf");
        assertThat(PartFileName.of("form-data; filename*=UTF-8''%E1%BA", "x.pdf")).isEqualTo("x.pdf");
        assertThat(PartFileName.of("form-data; filename*=NOPE-9''abc", "x.pdf")).isEqualTo("x.pdf");
        assertThat(PartFileName.of(null, "x.pdf")).isEqualTo("x.pdf");
    }
}
