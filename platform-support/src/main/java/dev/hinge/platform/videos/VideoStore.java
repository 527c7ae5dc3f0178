package dev.hinge.platform.videos;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where uploaded videos are kept: a folder ({@link FolderVideoStore}, the embedded default) or S3-compatible object
 * storage ({@link S3VideoStore}). Both services use the same store: athlete-service writes, both read. A kept video
 * never changes: {@link #keep} refuses a key that already holds one. Every method but {@link #read} blocks, so a
 * caller on a request runs it off the event loop.
 */
public interface VideoStore {

    /**
     * Keeps the complete, checked file {@code upload} under {@code key}, taking it over (the caller deletes whatever
     * is left at {@code upload} afterwards). False, and nothing changed, when {@code key} already holds a video.
     */
    boolean keep(VideoKey key, VideoFormat format, Path upload);

    Optional<StoredVideo> find(VideoKey key);

    /** {@code length} bytes of the video from {@code offset}, read as they are asked for. */
    Flux<DataBuffer> read(VideoKey key, StoredVideo video, long offset, long length);

    /** Removes the video; nothing happens when there is none. */
    void delete(VideoKey key);
}
