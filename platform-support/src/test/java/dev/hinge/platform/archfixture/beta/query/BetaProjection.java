package dev.hinge.platform.archfixture.beta.query;

/** A fixture: the read model of feature "beta". */
public class BetaProjection {
    public int count() {
        return 1;
    }
}
