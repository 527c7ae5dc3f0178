package dev.hinge.kernel.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InviteCodeTest {

    @Test
    void aGeneratedCodeIsTenCharactersWithoutLookAlikes() {
        Random random = new Random(11);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = InviteCode.generate(random).value();
            assertThat(code).hasSize(10).matches("[2-9A-HJKMNP-TV-Z]{10}");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }

    @Test
    void aTypedCodeIgnoresCaseSpacesAndHyphens() {
        assertThat(InviteCode.parse("k7qm4-xtbzr")).contains(new InviteCode("K7QM4XTBZR"));
        assertThat(InviteCode.parse(" K7QM4 XTBZR ")).contains(new InviteCode("K7QM4XTBZR"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"K7QM4XTBZ", "K7QM4XTBZRR", "K7QM4XTBZ0", "K7QM4XTBZI", "K7QM4XTBZL", "K7QM4XTBZU",
            "K7QM4XTBZ!", "K7QM4XTBZÄ", "-----------------------------------K7QM4XTBZR"})
    void aTypedCodeThatCannotBeOneIsRefused(String typed) {
        assertThat(InviteCode.parse(typed)).isEmpty();
    }
}
