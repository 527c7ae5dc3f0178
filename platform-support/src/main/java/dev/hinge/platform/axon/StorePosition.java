package dev.hinge.platform.axon;

import org.axonframework.eventhandling.TrackingToken;

/** Where an event sits in the store: unique per event, the same on every replay; read models key rows by it. */
public final class StorePosition {
    private StorePosition() {
    }

    /** The position of the event a streaming processor is handling ({@code token} is its tracking token). */
    public static long of(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("Read models are built by streaming processors only: an event without "
                    + "a position in the store (" + token + ") cannot be keyed");
        }
        return token.position().getAsLong();
    }
}
