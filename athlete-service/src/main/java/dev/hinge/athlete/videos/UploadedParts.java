package dev.hinge.athlete.videos;

import dev.hinge.platform.problem.FieldRefusedException;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.videos.VideoFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a video upload's {@code multipart/form-data} as it arrives: the {@code file} part is written through to a
 * new file in the uploads folder buffer by buffer (never held whole in memory), while its first bytes are checked
 * to be a video ({@link VideoFormat}, 415 otherwise), its length is held under the limit (413 as soon as it is
 * passed) and its SHA-256 is taken (what a repeat of the same Idempotency-Key must match). The small form parts
 * ({@code note}, {@code at} for the API; the page's set form names its own) are kept as text; any other part is a 400
 * naming it. The caller deletes the file.
 */
public final class UploadedParts {
    public static final String FILE = "file";
    /** The small parts the API's upload takes beside the file. */
    public static final Set<String> API_FIELDS = Set.of("note", "at");

    /**
     * What arrived: the checked file, and the form fields by name. Without a file (only where the file is optional:
     * a form whose file input was left empty), {@code format} is null and {@code length} 0.
     */
    public record Upload(Path file, VideoFormat format, long length, String sha256, Map<String, String> fields) {
        public boolean hasFile() {
            return length > 0;
        }
    }

    private final Path file;
    private final long maxBytes;
    private final String limit;
    private final Set<String> formFields;
    private final boolean fileOptional;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final MessageDigest digest;
    private final byte[] head = new byte[VideoFormat.HEAD_BYTES];
    private int headLength;
    private VideoFormat format;
    private long length;
    private boolean fileSeen;

    private UploadedParts(Path file, long maxBytes, String limit, Set<String> formFields, boolean fileOptional) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.limit = limit;
        this.formFields = formFields;
        this.fileOptional = fileOptional;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code parts}, writing the file to {@code file} (which must not exist yet); {@code formFields} are the
     * names of the text parts taken beside it; an empty file part (a form's empty file input) counts as no file when
     * {@code fileOptional}.
     */
    static Mono<Upload> read(Flux<PartEvent> parts, Path file, long maxBytes, String limit, Set<String> formFields,
                             boolean fileOptional) {
        UploadedParts upload = new UploadedParts(file, maxBytes, limit, formFields, fileOptional);
        return parts.onErrorMap(DataBufferLimitException.class, tooBig -> InvalidRequestException.of("form",
                        "a form field or part header is larger than this request takes (256 KB); only the file may be large"))
                .windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> first.hasValue()
                        ? upload.part(first.get(), events) : events.then()))
                .then(Mono.fromCallable(upload::finish));
    }

    private Mono<Void> part(PartEvent first, Flux<PartEvent> events) {
        String name = first.headers().getContentDisposition().getName();
        if (name == null) {
            return refuse(events, InvalidRequestException.of(FILE, "every part needs a name (Content-Disposition: form-data; name=...)"));
        }
        if (first instanceof FilePartEvent || FILE.equals(name)) {
            if (!FILE.equals(name)) {
                return refuse(events, InvalidRequestException.of(name, "is not a part of this request"));
            }
            if (fileSeen) {
                return refuse(events, InvalidRequestException.of(FILE, "must be given once"));
            }
            fileSeen = true;
            return DataBufferUtils.write(events.map(PartEvent::content).handle(this::check), file,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        if (first instanceof FormPartEvent form && formFields.contains(name)) {
            if (fields.putIfAbsent(name, form.value()) != null) {
                return refuse(events, InvalidRequestException.of(name, "must be given once"));
            }
            return events.doOnNext(event -> DataBufferUtils.release(event.content())).then();
        }
        return refuse(events, InvalidRequestException.of(name, "is not a part of this request"));
    }

    private static Mono<Void> refuse(Flux<PartEvent> events, RuntimeException refusal) {
        return events.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.error(refusal));
    }

    /** Passes a buffer of the file on to be written once it is counted, hashed and, at the start, recognised. */
    private void check(DataBuffer buffer, SynchronousSink<DataBuffer> sink) {
        length += buffer.readableByteCount();
        if (length > maxBytes) {
            DataBufferUtils.release(buffer);
            sink.error(tooLarge(limit));
            return;
        }
        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
            while (chunks.hasNext()) {
                ByteBuffer chunk = chunks.next();
                if (headLength < head.length) {
                    int take = Math.min(head.length - headLength, chunk.remaining());
                    chunk.duplicate().get(head, headLength, take);
                    headLength += take;
                }
                digest.update(chunk);
            }
        }
        if (format == null && headLength == head.length && recognise() == null) {
            DataBufferUtils.release(buffer);
            sink.error(notAVideo());
            return;
        }
        sink.next(buffer);
    }

    private VideoFormat recognise() {
        format = VideoFormat.recognise(Arrays.copyOf(head, headLength)).orElse(null);
        return format;
    }

    private Upload finish() {
        if (fileOptional && length == 0) {
            return new Upload(file, null, 0, null, Map.copyOf(fields));
        }
        if (!fileSeen) {
            throw InvalidRequestException.of(FILE, "is required: the video, as a file part");
        }
        if (length == 0) {
            throw InvalidRequestException.of(FILE, "must not be empty");
        }
        if (format == null && recognise() == null) {
            throw notAVideo();
        }
        return new Upload(file, format, length, HexFormat.of().formatHex(digest.digest()), Map.copyOf(fields));
    }

    public static FieldRefusedException tooLarge(String limit) {
        return new FieldRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", FILE,
                "must be at most " + limit);
    }

    private static FieldRefusedException notAVideo() {
        return new FieldRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", FILE,
                "must be an MP4, QuickTime (MOV) or WebM video; its content is not one");
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // an upload's leftover in the uploads folder: harmless, and docs/operations.md says it may be deleted
        }
    }
}
