package dev.hinge.kernel.access;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A coach's invite code: what a coach hands out so an athlete can find them and grant them access. It is not a
 * secret: holding it lets an athlete give the coach access to the athlete's own data, never the other way round, so
 * it is recorded in events (athlete-service learns it from them). A coach replaces it when it has spread too far.
 * <p>
 * Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L, U): about 49 bits, so two coaches rarely
 * share one (a code two coaches hold is refused as unknown, see athlete-service). A stored code is read
 * back as stored; {@link #parse} checks what a person typed.
 */
public record InviteCode(String value) {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 10;

    public InviteCode {
        Objects.requireNonNull(value, "invite code");
    }

    public static InviteCode generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new InviteCode(code.toString());
    }

    /** A code as typed: case, spaces and hyphens do not matter ({@code abcde-fghjk}); empty when it cannot be one. */
    public static Optional<InviteCode> parse(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new InviteCode(code));
    }

    @Override
    public String toString() {
        return value;
    }
}
