package dev.hinge.kernel.archfixture;

import org.axonframework.messaging.MetaData;

/**
 * A kernel-packaged class that reaches past Axon's modelling annotations on purpose; test code only, so that the
 * architecture test can show its rule catches such a class.
 */
public final class AxonMessagingLeak {
    private AxonMessagingLeak() {
    }

    public static MetaData tagged(String key, String value) {
        return MetaData.with(key, value);
    }
}
