package dev.hinge.kernel.training;

/** Where a video of a set lives: a link to footage hosted elsewhere (uploads to the platform come next). */
public enum VideoSource {
    LINK
}
