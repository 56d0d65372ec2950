package vn.ntm.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

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
            Path privatePem = dir.resolve("private-key.pem");
            Path jwks = dir.resolve("jwks.json");
            if (!Files.exists(privatePem) || !Files.exists(jwks)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(privatePem, "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
                try {
                    Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(jwks, jwks((RSAPublicKey) pair.getPublic()));
            }
            String pem = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new JwtKeys(key, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
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

    /** A JWKS document for a key that is not this issuer's: tokens it signs must be rejected. */
    public static RSAPrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) throws GeneralSecurityException {
        RSAPublicKeySpec spec = KeyFactory.getInstance("RSA").getKeySpec(key, RSAPublicKeySpec.class);
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64Url(spec.getModulus()) + "\",\"e\":\"" + base64Url(spec.getPublicExponent()) + "\"}]}\n";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
