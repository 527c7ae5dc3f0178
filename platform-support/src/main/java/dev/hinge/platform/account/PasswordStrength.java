package dev.hinge.platform.account;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.hinge.kernel.common.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a new password must meet: 10 characters at least, 72 bytes at most (BCrypt reads no more; a longer one
 * would be silently cut), and a zxcvbn score of at least {@code hinge.password.min-score} (default 3, about 10^8
 * guesses), measured with the account's email and display name as words an attacker would try first. A refusal
 * says why, in the estimator's words.
 */
@Component
class PasswordStrength {
    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;
    private static final String USER_INPUTS = "user_inputs";

    private final Zxcvbn estimator = new Zxcvbn();
    private final int minScore;

    PasswordStrength(@Value("${hinge.password.min-score:3}") int minScore) {
        this.minScore = minScore;
        estimator.measure("load the dictionaries at startup, not in the first registration");
    }

    /** The password if it is strong enough for this account; a {@link DomainException} saying why not. */
    String check(String password, String email, String displayName) {
        if (password.length() < MIN_LENGTH) {
            throw DomainException.invalid("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DomainException.invalid("must be at most " + MAX_BYTES + " bytes");
        }
        Strength strength = estimator.measure(password, personalWords(email, displayName));
        if (strength.getScore() >= minScore) {
            return password;
        }
        throw DomainException.invalid(reason(strength));
    }

    private static String reason(Strength strength) {
        boolean personal = strength.getSequence().stream().map(m -> m.dictionaryName).anyMatch(USER_INPUTS::equals);
        String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
        List<String> suggestions = strength.getFeedback().getSuggestions(Locale.ENGLISH);
        StringBuilder reason = new StringBuilder("is too easy to guess");
        if (personal) {
            reason.append(": it is made from your email or name");
        } else if (warning != null && !warning.isBlank()) {
            reason.append(": ").append(lowerFirst(warning.strip()));
        }
        if (!suggestions.isEmpty()) {
            reason.append(". ").append(String.join(" ", suggestions));
        }
        return reason.toString();
    }

    private static String lowerFirst(String text) {
        String sentence = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The email, its parts and the display name's words: what a guesser who knows the account tries first. */
    private static List<String> personalWords(String email, String displayName) {
        List<String> words = new ArrayList<>();
        if (email != null) {
            String lower = email.toLowerCase(Locale.ROOT);
            words.add(lower);
            int at = lower.indexOf('@');
            if (at > 0) {
                words.add(lower.substring(0, at));
                for (String part : lower.substring(0, at).split("[^\\p{L}\\p{N}]+")) {
                    addWord(words, part);
                }
                for (String part : lower.substring(at + 1).split("\\.")) {
                    addWord(words, part);
                }
            }
        }
        if (displayName != null) {
            words.add(displayName.toLowerCase(Locale.ROOT));
            for (String part : displayName.toLowerCase(Locale.ROOT).split("\\s+")) {
                addWord(words, part);
            }
        }
        return words;
    }

    private static void addWord(List<String> words, String word) {
        if (word.length() >= 3) {
            words.add(word);
        }
    }
}
