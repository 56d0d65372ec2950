package vn.ntm.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {
    private final ObjectMapper mapper = new ObjectMapper(new StrictJson.StrictJsonFactory());

    @Test
    void namesWhereTheBadTextIsAsAJsonPointer() {
        assertThatThrownBy(() -> mapper.readValue("{\"a\":[{\"b\":\"x\"},{\"c\":\"\\u0000\"}]}", Map.class))
                .isInstanceOfSatisfying(InvalidTextException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/a/1/c"));
        assertThatThrownBy(() -> mapper.readValue("[\"ok\",\"\\ud800\"]", List.class))
                .isInstanceOfSatisfying(InvalidTextException.class, e -> assertThat(e.pointer()).isEqualTo("/1"));
        assertThatThrownBy(() -> mapper.readValue("{\"a/b\":\"\\udc00\"}".getBytes(), Map.class))
                .isInstanceOfSatisfying(InvalidTextException.class, e -> assertThat(e.pointer()).isEqualTo("/a~1b"));
    }

    @Test
    void textCheckSurvivesACopyOfTheMapper() {
        assertThatThrownBy(() -> mapper.copy().readValue("{\"a\":\"\\u0000\"}", Map.class))
                .isInstanceOf(InvalidTextException.class);
    }

    @Test
    void pairedSurrogatesAndVietnameseTextPass() throws Exception {
        assertThat(mapper.readValue("{\"a\":\"Thượng Cường \\ud83c\\udf3e\"}".getBytes(), Map.class))
                .containsEntry("a", "Thượng Cường 🌾");
    }
}
