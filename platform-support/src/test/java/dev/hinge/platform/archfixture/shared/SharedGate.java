package dev.hinge.platform.archfixture.shared;

/** A fixture: a package every feature may use (no command, query or web part). */
public class SharedGate {
    public boolean open() {
        return true;
    }
}
