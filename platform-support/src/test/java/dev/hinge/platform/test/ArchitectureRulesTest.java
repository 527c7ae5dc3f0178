package dev.hinge.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchitectureRulesTest {
    private static final String FIXTURES = "dev.hinge.platform.archfixture";
    private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void aFeatureThatReadsAnotherFeaturesReadModelBreaksTheFeatureRule() {
        EvaluationResult result = ArchitectureRules.featuresKeepTheirPartsToThemselves(FIXTURES).evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaController") && line.contains("BetaProjection"))
                .noneMatch(line -> line.contains("calls method <" + FIXTURES + ".shared.SharedGate"));
    }

    @Test
    void theFeatureRuleRefusesToPassWhenItMatchesNoClassAtAll() {
        assertThatThrownBy(() -> ArchitectureRules.featuresKeepTheirPartsToThemselves("dev.hinge.nothing.here")
                .evaluate(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }
}
