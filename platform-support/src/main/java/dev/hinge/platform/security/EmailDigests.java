package dev.hinge.platform.security;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

/**
 * An email address as it may appear in an event: HMAC-SHA256 of the address (trimmed, lower-case) under a key derived
 * from the token key both services share. Equal addresses give equal digests on both services; without the key a
 * digest cannot be checked against a guessed address. Changing the token key changes every digest.
 */
@Component
public class EmailDigests {
    private final SecretKeySpec key;

    EmailDigests(SecretKey jwtKey) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(jwtKey.getEncoded(), "HmacSHA256"),
                "hinge email digest v1"), "HmacSHA256");
    }

    public String of(String email) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(key, email.trim().toLowerCase(Locale.ROOT)));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
