/**
 * The bearer token's verification every service shares: {@link vn.ntm.platform.security.VerifiedTokens} replaces
 * smallrye-jwt's parser and remembers each verified token until the earlier of its expiry and
 * {@code ntm.security.verified-token-ttl} ({@link vn.ntm.platform.security.SecurityConfig}).
 */
package vn.ntm.platform.security;
