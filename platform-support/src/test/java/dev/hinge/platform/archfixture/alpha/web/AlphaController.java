package dev.hinge.platform.archfixture.alpha.web;

import dev.hinge.platform.archfixture.beta.query.BetaProjection;
import dev.hinge.platform.archfixture.shared.SharedGate;

/** A fixture: feature "alpha" asks the shared gate (allowed) and reads feature "beta"'s read model (refused). */
public class AlphaController {
    int answer(SharedGate gate, BetaProjection beta) {
        return gate.open() ? beta.count() : 0;
    }
}
