package vn.ntm.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * The bearer token's verification, remembered: smallrye-jwt verifies a token (RS256 signature, issuer, audience,
 * expiry) on every request, which costs more CPU than the work list it guards. A token verified once is kept by its
 * exact string until the earlier of its own expiry and {@code ntm.security.verified-token-ttl} (so a key removed from
 * the JWKS stops being honoured within that time); an expired entry is dropped and the token verified again, which
 * refuses it. Only successes are kept; a failure is never cached. At most {@code ntm.security.verified-token-cache}
 * tokens are held (the cache is emptied when full). 0 for either turns the cache off. Each service that depends on
 * this module (all three) verifies through it: an {@code @Alternative} of priority 1 over smallrye-jwt's parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    private final DefaultJWTParser parser;
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    public VerifiedTokens(DefaultJWTParser parser, SecurityConfig config) {
        this.parser = parser;
        this.ttlMillis = config.verifiedTokenTtl().toMillis();
        this.maxEntries = config.verifiedTokenCache();
        this.clock = Clock.systemUTC();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (ttlMillis <= 0 || maxEntries <= 0) {
            return parser.parse(token);
        }
        long now = clock.millis();
        Entry entry = verified.get(token);
        if (entry != null) {
            if (now < entry.validUntilMillis()) {
                return entry.token();
            }
            verified.remove(token, entry);
        }
        JsonWebToken parsed = parser.parse(token);
        long expiresMillis = parsed.getExpirationTime() * 1000L;
        long until = Math.min(now + ttlMillis, expiresMillis);
        if (until > now) {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, new Entry(parsed, until));
        }
        return parsed;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
