package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.inspection.shared.Caller;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} of the creating POSTs, per caller (token subject), stored in {@code idempotency_key} in
 * the transaction of the request it guards. A second request with the key while the first is still running waits
 * on the primary key and then sees the first one's result; a refused request leaves no key behind.
 */
@ApplicationScoped
public class IdempotencyService {
    static final int MAX_KEY = 200;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final InspectionConfig config;

    public IdempotencyService(AgroalDataSource dataSource, ObjectMapper json, InspectionConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    /**
     * Claims {@code key} for this request. Empty when the request is new (go on, then {@link #complete}); the id
     * the first request created when this is a retry of it; 422 when the key was used for another request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(Caller caller, String key, String operation, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw ServiceException.badRequest(LocalizedText.of("inspection.idempotency.format", MAX_KEY),
                    List.of(FieldError.of("Idempotency-Key", "inspection.idempotency.field", MAX_KEY)));
        }
        String subject = caller.subject() == null ? "" : caller.subject();
        String hash = hash(operation, request);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement expired = c.prepareStatement(
                    "delete from idempotency_key where caller = ? and idem_key = ? and expires_at < now()")) {
                expired.setString(1, subject);
                expired.setString(2, key);
                expired.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into idempotency_key (caller, idem_key,"
                    + " operation, request_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                Instant now = Instant.now();
                insert.setString(1, subject);
                insert.setString(2, key);
                insert.setString(3, operation);
                insert.setString(4, hash);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setTimestamp(6, Timestamp.from(now.plus(config.idempotencyTtl())));
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = c.prepareStatement("select operation, request_hash, resource_id"
                    + " from idempotency_key where caller = ? and idem_key = ?")) {
                select.setString(1, subject);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || rs.getObject("resource_id") == null) {
                        throw ServiceException.conflict(LocalizedText.of("inspection.idempotency.busy", key))
                                .withCode(ProblemCode.IDEMPOTENCY_KEY_IN_USE);
                    }
                    if (!operation.equals(rs.getString("operation")) || !hash.equals(rs.getString("request_hash"))) {
                        throw ServiceException.invalid(LocalizedText.of("inspection.idempotency.reused", key,
                                rs.getString("operation")), List.of(FieldError.of("Idempotency-Key",
                                "inspection.idempotency.reusedField"))).withCode(ProblemCode.IDEMPOTENCY_KEY_REUSED);
                    }
                    return Optional.of(rs.getObject("resource_id", UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check Idempotency-Key", e);
        }
    }

    /** Records what the request that claimed {@code key} created; same transaction as the creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Caller caller, String key, UUID resourceId) {
        if (key == null) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update idempotency_key set resource_id = ? where caller = ? and idem_key = ?")) {
            st.setObject(1, resourceId);
            st.setString(2, caller.subject() == null ? "" : caller.subject());
            st.setString(3, key);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record Idempotency-Key", e);
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("could not hash the request", e);
        }
    }
}
