package dev.hinge.platform.security;

import dev.hinge.platform.config.DataFolderSecret;
import dev.hinge.platform.config.HingeEnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** The HMAC key tokens are signed with, shared by both services so each can tell the other's role. */
final class JwtKeys {
    static final int MIN_BYTES = 32;

    private JwtKeys() {
    }

    static SecretKey resolve(String configured, ConfigurableEnvironment environment) {
        byte[] bytes = configured == null || configured.isBlank()
                ? keptInDataFolder(HingeEnvironmentPostProcessor.dataDir(environment).resolve("jwt-secret"))
                : decode(configured.strip());
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("hinge.jwt.secret (HINGE_JWT_SECRET) must hold at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] decode(String secret) {
        try {
            byte[] decoded = Base64.getDecoder().decode(secret);
            if (decoded.length >= MIN_BYTES) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // taken as text below
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Generated once and kept, so tokens survive restarts; whichever service starts first writes it. */
    private static byte[] keptInDataFolder(Path file) {
        return DataFolderSecret.keptIn(file, MIN_BYTES);
    }
}
