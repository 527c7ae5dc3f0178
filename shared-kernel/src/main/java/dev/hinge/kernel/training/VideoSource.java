package dev.hinge.kernel.training;

/** Where a video of a set lives. */
public enum VideoSource {
    /** Footage hosted elsewhere (YouTube, Drive, a server of the athlete's): its url is that link. */
    LINK,
    /**
     * Footage uploaded to the platform and kept in its video storage: its url is the platform's own address of the
     * video ({@link VideoUrl#uploaded}), the same path on both services.
     */
    UPLOAD
}
