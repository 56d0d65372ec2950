package vn.ntm.platform.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;
import vn.ntm.platform.i18n.Messages;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParamConvertersTest {
    enum Level { PROVINCE, DISTRICT }

    @SuppressWarnings("unused")
    void sample(@QueryParam("at") LocalDate at, @QueryParam("page") @DefaultValue("0") @Min(0) @Max(9) int page,
                       @QueryParam("level") Level level, @PathParam("id") UUID id, @QueryParam("open") Boolean open) {
    }

    private static Annotation[] annotationsOf(int index) throws NoSuchMethodException {
        return ParamConvertersTest.class.getDeclaredMethod("sample", LocalDate.class, int.class, Level.class,
                UUID.class, Boolean.class).getParameterAnnotations()[index];
    }

    private static <T> ParamConverter<T> converter(Class<T> type, int index) throws NoSuchMethodException {
        return new ParamConverters().getConverter(type, type, annotationsOf(index));
    }

    @Test
    void readsDatesEnumsNumbersAndBooleans() throws Exception {
        assertThat(converter(LocalDate.class, 0).fromString("2022-07-20")).isEqualTo(LocalDate.of(2022, 7, 20));
        assertThat(converter(int.class, 1).fromString(" 3 ")).isEqualTo(3);
        assertThat(converter(Level.class, 2).fromString("district")).isEqualTo(Level.DISTRICT);
        assertThat(converter(Boolean.class, 4).fromString("false")).isEqualTo(false);
    }

    @Test
    void anEmptyValueIsTheDefaultOrAbsent() throws Exception {
        assertThat(converter(int.class, 1).fromString("")).isEqualTo(0);
        assertThat(converter(LocalDate.class, 0).fromString("  ")).isNull();
    }

    @Test
    void aPathParameterIsLeftToJaxRs() throws Exception {
        assertThat(converter(UUID.class, 3)).isNull();
    }

    @Test
    void aValueThatCannotBeReadIsAFieldErrorNamingTheParameter() throws Exception {
        InvalidParamException date = catchThrowableOfType(InvalidParamException.class,
                () -> converter(LocalDate.class, 0).fromString("2025-02-30"));
        assertThat(date.error().field()).isEqualTo("at");
        assertThat(date.error().message().in(Messages.ENGLISH)).isEqualTo("must be a date YYYY-MM-DD");
        InvalidParamException number = catchThrowableOfType(InvalidParamException.class,
                () -> converter(int.class, 1).fromString("x"));
        assertThat(number.error().field()).isEqualTo("page");
        assertThat(number.error().message().in(Messages.VIETNAMESE)).isEqualTo("phải là số nguyên");
        InvalidParamException level = catchThrowableOfType(InvalidParamException.class,
                () -> converter(Level.class, 2).fromString("village"));
        assertThat(level.error().message().in(Messages.ENGLISH)).isEqualTo("must be one of PROVINCE, DISTRICT");
        InvalidParamException open = catchThrowableOfType(InvalidParamException.class,
                () -> converter(Boolean.class, 4).fromString("1"));
        assertThat(open.error().message().in(Messages.VIETNAMESE)).isEqualTo("phải là true hoặc false");
    }
}
