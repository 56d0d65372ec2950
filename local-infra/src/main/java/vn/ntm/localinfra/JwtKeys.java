package vn.ntm.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The local token issuer's RSA key pair, made once under a directory ({@code .data/keys} for ./run.sh, a temporary
 * one for tests; never committed). The services read only {@code jwks.json}, as they would a provider's JWKS URL.
 */
public final class JwtKeys {
    public static final String KEY_ID = "ntm-local";
    public static final String ISSUER = "https://ntm.local/issuer";
    public static final String AUDIENCE = "ntm";

    private final RSAPrivateKey privateKey;
    private final Path jwks;

    private JwtKeys(RSAPrivateKey privateKey, Path jwks) {
        this.privateKey = privateKey;
        this.jwks = jwks;
    }

    /** Loads the key pair from {@code dir}, generating it on first use. */
    public static JwtKeys in(Path dir) {
        try {
            Path privateJwk = dir.resolve("private-key.jwk");
            Path jwks = dir.resolve("jwks.json");
            // owner-only from the start: the directory is made 700 and the private key written 600 at creation
            PrivateFiles.directory(dir);
            if (!Files.exists(privateJwk) || !Files.exists(jwks)) {
                RsaJsonWebKey key = newSigningKey();
                PrivateFiles.write(privateJwk, key.toJson(OutputControlLevel.INCLUDE_PRIVATE));
                Files.writeString(jwks, new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY));
            } else {
                PrivateFiles.restrict(privateJwk);
            }
            PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(Files.readString(privateJwk));
            return new JwtKeys((RSAPrivateKey) key.getPrivateKey(), jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("unreadable local signing key in " + dir, e);
        }
    }

    /** Where the services find the public key: a {@code file:} URL of the JWKS document. */
    public String jwksLocation() {
        return jwks.toUri().toString();
    }

    RSAPrivateKey privateKey() {
        return privateKey;
    }

    public Tokens tokens() {
        return new Tokens(this);
    }

    /**
     * A key that is not this issuer's: tokens it signs must be rejected. One per JVM (generating a 2048-bit key takes
     * a second or two under the tests' C1-only JIT).
     */
    public static RSAPrivateKey foreignKey() {
        return ForeignKey.KEY;
    }

    /** Generated on first use (the holder class is initialised then, once). */
    private static final class ForeignKey {
        static final RSAPrivateKey KEY = newSigningKey().getRsaPrivateKey();
    }

    private static RsaJsonWebKey newSigningKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(KEY_ID);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse(Use.SIGNATURE);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
