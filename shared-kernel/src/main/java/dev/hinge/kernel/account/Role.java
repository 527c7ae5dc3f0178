package dev.hinge.kernel.account;

/** Whose account it is; athletes and coaches register with their own service. */
public enum Role {
    ATHLETE, COACH
}
