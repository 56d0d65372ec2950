package vn.ntm.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OperationContract parse(String json) throws Exception {
        return OperationContract.parse("finalizeInspection", JSON.readTree(json));
    }

    @Test
    void problemsAreGroupedByTheStatusTheyAreAnsweredWith() throws Exception {
        OperationContract contract = parse("""
                {"problems": ["INSPECTION_INCOMPLETE", "INSPECTION_FINALIZED", "VALIDATION", "REGISTER_NOT_LOADED"]}
                """);
        assertThat(contract.problemsByStatus()).containsExactly(
                Map.entry(409, List.of(ProblemCode.INSPECTION_FINALIZED)),
                Map.entry(422, List.of(ProblemCode.INSPECTION_INCOMPLETE, ProblemCode.VALIDATION)),
                Map.entry(503, List.of(ProblemCode.REGISTER_NOT_LOADED)));
    }

    @Test
    void examplesKeepTheirShapeAndTextBodiesStayText() throws Exception {
        OperationContract contract = parse("""
                {"requestExample": "ma,ten\\n42,Xã Cẩm Bình", "responseExample": {"name": "Xã Cẩm Bình", "n": [1]}}
                """);
        assertThat(contract.requestExample()).isEqualTo("ma,ten\n42,Xã Cẩm Bình");
        assertThat(contract.responseExample()).isEqualTo(Map.of("name", "Xã Cẩm Bình", "n", List.of(1)));
    }

    @Test
    void aMistakeInTheFileNamesTheFileAndTheMistake() {
        assertThatThrownBy(() -> parse("{\"problem\": []}")).hasMessageContaining("finalizeInspection.json")
                .hasMessageContaining("unknown key problem");
        assertThatThrownBy(() -> parse("{\"problems\": [\"INSPECTION_DONE\"]}"))
                .hasMessageContaining("unknown problem code INSPECTION_DONE");
        assertThatThrownBy(() -> parse("{\"problems\": [\"inspection_finalized\"]}"))
                .hasMessageContaining("unknown problem code inspection_finalized");
        assertThatThrownBy(() -> parse("{\"problems\": [\"NOT_FOUND\"]}"))
                .hasMessageContaining("NOT_FOUND is documented on every operation");
        assertThatThrownBy(() -> parse("{\"headers\": {\"200\": [\"X-Secret\"]}}"))
                .hasMessageContaining("unknown header X-Secret");
    }

    @Test
    void anOperationWithoutAFileHasNoContract() {
        assertThat(OperationContract.of("noSuchOperation", getClass().getClassLoader()))
                .isSameAs(OperationContract.NONE);
        assertThat(OperationContract.of(null, getClass().getClassLoader())).isSameAs(OperationContract.NONE);
    }
}
