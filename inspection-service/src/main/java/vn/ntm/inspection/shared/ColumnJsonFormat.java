package vn.ntm.inspection.shared;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How Hibernate's JSON type ({@code @JdbcTypeCode(SqlTypes.JSON)}) reads and writes the {@code jsonb} columns: with
 * the columns' own {@link Json} mapper, not the HTTP API's strict one (which refuses unknown properties).
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class ColumnJsonFormat implements FormatMapper {
    private final FormatMapper delegate = new JacksonJsonFormatMapper(Json.MAPPER);

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
