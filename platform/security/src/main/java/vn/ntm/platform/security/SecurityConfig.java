package vn.ntm.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code ntm.security.*}: how long and how many verified bearer tokens are remembered ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "ntm.security")
public interface SecurityConfig {
    /** A verified token is remembered until its own expiry, at most this long; 0 turns the cache off. */
    @WithDefault("60s")
    Duration verifiedTokenTtl();

    /** At most this many tokens are remembered (the cache is emptied when full); 0 turns the cache off. */
    @WithDefault("2000")
    int verifiedTokenCache();
}
