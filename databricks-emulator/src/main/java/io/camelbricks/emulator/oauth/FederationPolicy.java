package io.camelbricks.emulator.oauth;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which identity tokens the emulator's token endpoint swaps for Databricks tokens (RFC 8693 token exchange), like
 * a Databricks federation policy: tokens from {@code issuer}, whose {@code aud} contains one of {@code audiences}
 * (none given: the emulator's account id, the Databricks default) and whose {@code sub} is {@code subject} (null:
 * any subject). With a {@code verificationKey} (RSA for RS256, EC P-256 for ES256) the signature is verified;
 * without one only the claims are (documented as test-only trust).
 *
 * <p>A policy of a {@code servicePrincipal} applies to exchanges that name that client id, and the tokens belong
 * to the service principal; an account-wide policy (no service principal) applies to exchanges without a client
 * id, and the tokens belong to the user named by the {@code sub} claim.
 */
public final class FederationPolicy {

    private final String issuer;
    private final List<String> audiences;
    private final String subject;
    private final PublicKey verificationKey;
    private final String servicePrincipal;

    private FederationPolicy(Builder b) {
        this.issuer = Objects.requireNonNull(b.issuer, "issuer");
        this.audiences = List.copyOf(b.audiences);
        this.subject = b.subject;
        this.verificationKey = b.verificationKey;
        this.servicePrincipal = b.servicePrincipal;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String issuer() {
        return issuer;
    }

    /** Accepted {@code aud} values; empty means the emulator's account id. */
    public List<String> audiences() {
        return audiences;
    }

    /** The required {@code sub}, or null for any. */
    public String subject() {
        return subject;
    }

    /** The key signatures are verified with, or null when only claims are checked. */
    public PublicKey verificationKey() {
        return verificationKey;
    }

    /** The service principal (client id) this policy belongs to, or null for an account-wide policy. */
    public String servicePrincipal() {
        return servicePrincipal;
    }

    @Override
    public String toString() {
        return "FederationPolicy{issuer=" + issuer + ", audiences=" + audiences + ", subject=" + subject
                + ", signature=" + (verificationKey == null ? "not verified" : verificationKey.getAlgorithm())
                + ", servicePrincipal=" + servicePrincipal + "}";
    }

    /** Builder for {@link FederationPolicy}. */
    public static final class Builder {
        private String issuer;
        private final List<String> audiences = new ArrayList<>();
        private String subject;
        private PublicKey verificationKey;
        private String servicePrincipal;

        private Builder() {
        }

        /** The {@code iss} claim tokens must carry, e.g. {@code https://token.actions.githubusercontent.com}. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** One accepted {@code aud} value (call again for more). */
        public Builder audience(String audience) {
            this.audiences.add(Objects.requireNonNull(audience, "audience"));
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The issuer's public key: RSA (RS256) or EC P-256 (ES256). */
        public Builder verificationKey(PublicKey key) {
            this.verificationKey = key;
            return this;
        }

        /** Makes this a service principal federation policy. */
        public Builder servicePrincipal(String clientId) {
            this.servicePrincipal = clientId;
            return this;
        }

        public FederationPolicy build() {
            return new FederationPolicy(this);
        }
    }
}
