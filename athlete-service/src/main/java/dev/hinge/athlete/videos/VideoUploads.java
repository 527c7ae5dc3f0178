package dev.hinge.athlete.videos;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import dev.hinge.kernel.training.AttachVideoCommand;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoProperties;
import dev.hinge.platform.videos.VideoStore;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way a video file comes in, for the API's upload and the athlete's set form alike: read and checked while it
 * arrives ({@link UploadedParts}) into a temporary file that is deleted however the request ends, then kept in the
 * store and only then recorded; a refused command deletes what was kept, so no file outlives a refusal.
 */
@Component
public class VideoUploads {
    /** Room for the multipart framing and the small parts around a file at the size limit. */
    private static final long MULTIPART_OVERHEAD = 1024 * 1024;

    private final Commands commands;
    private final VideoStore store;
    private final VideoProperties properties;

    VideoUploads(Commands commands, VideoStore store, VideoProperties properties) {
        this.commands = commands;
        this.store = store;
        this.properties = properties;
    }

    /**
     * Reads a {@code multipart/form-data} body ({@code contentLength} as the request declares it, -1 when unknown: a
     * body declared too large is a 413 before a byte of it is read), hands the upload to {@code then}, and deletes the
     * temporary file once {@code then}'s answer is done. See {@link UploadedParts#read} for the other arguments.
     */
    public <T> Mono<T> receive(Flux<PartEvent> parts, long contentLength, Set<String> formFields, boolean fileOptional,
                               Function<UploadedParts.Upload, Mono<T>> then) {
        long maxBytes = properties.maxSize().toBytes();
        String limit = properties.maxSize().toString();
        if (contentLength > maxBytes + MULTIPART_OVERHEAD) {
            return Mono.error(UploadedParts.tooLarge(limit));
        }
        return Mono.usingWhen(Blocking.call(this::newUploadFile),
                file -> UploadedParts.read(parts, file, maxBytes, limit, formFields, fileOptional).flatMap(then),
                file -> Blocking.call(() -> {
                    UploadedParts.deleteQuietly(file);
                    return file;
                }));
    }

    /** Keeps {@code upload}'s file as {@code video} of the athlete's {@code set}, then records it (see the class comment). */
    public Mono<VideoAttachedEvent> attach(UUID athlete, VideoId video, UUID set, UploadedParts.Upload upload, String note,
                                           Instant at) {
        VideoKey stored = new VideoKey(new AthleteId(athlete), video);
        AttachVideoCommand command = AttachVideoCommand.uploaded(new AthleteId(athlete), video, new SetId(set), note, at);
        return Blocking.call(() -> keep(stored, upload))
                .then(commands.<VideoAttachedEvent>send(command)
                        .onErrorResume(refused -> Blocking.call(() -> {
                            store.delete(stored);
                            return stored;
                        }).then(Mono.error(refused))));
    }

    private VideoKey keep(VideoKey key, UploadedParts.Upload upload) {
        if (!store.keep(key, upload.format(), upload.file())) {
            throw new DomainException(ErrorCode.CONFLICT, "A video is already kept under this id; send the upload with another "
                    + Idempotency.HEADER);
        }
        return key;
    }

    private Path newUploadFile() throws java.io.IOException {
        Files.createDirectories(properties.uploads());
        return properties.uploads().toAbsolutePath().resolve(UUID.randomUUID() + ".part");
    }
}
