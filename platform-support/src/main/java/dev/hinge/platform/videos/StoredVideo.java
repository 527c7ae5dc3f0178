package dev.hinge.platform.videos;

/** A video the store keeps: its format (hence its content type) and its length in bytes. */
public record StoredVideo(VideoFormat format, long length) {
}
