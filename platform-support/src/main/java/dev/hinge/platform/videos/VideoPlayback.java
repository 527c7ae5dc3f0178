package dev.hinge.platform.videos;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.web.Blocking;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Plays a kept video to a reader the caller has already let in, so that a player can seek:
 * <ul>
 * <li>no {@code Range}: 200 with the whole video;</li>
 * <li>one byte range ({@code bytes=0-1023}, {@code bytes=1024-}, {@code bytes=-500}): 206 with those bytes and
 * {@code Content-Range} (a range past the end is cut at the end);</li>
 * <li>a range that starts past the end, or a {@code Range} that is not a byte range: 416 with
 * {@code Content-Range: bytes *}{@code /<length>};</li>
 * <li>several ranges, or an {@code If-Range} that is not this video's ETag: the whole video (RFC 9110 lets a
 * server ignore a Range; players ask for one).</li>
 * </ul>
 * Always {@code Accept-Ranges: bytes}, the video's own content type, {@code Cache-Control: private} (a shared cache
 * must never keep an athlete's video) and a strong ETag (a kept video never changes). A HEAD reads nothing.
 */
@Component
public class VideoPlayback {
    private final VideoStore store;

    public VideoPlayback(VideoStore store) {
        this.store = store;
    }

    /** The answer to {@code request} for the video at {@code key}; 404 when the store has none. */
    public Mono<ResponseEntity<Flux<DataBuffer>>> play(VideoKey key, ServerHttpRequest request) {
        return Blocking.call(() -> store.find(key).orElseThrow(() -> DomainException.notFound("No such video")))
                .map(video -> answer(key, video, request));
    }

    private ResponseEntity<Flux<DataBuffer>> answer(VideoKey key, StoredVideo video, ServerHttpRequest request) {
        String etag = "\"" + key.video() + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(video.format().mediaType()));
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setCacheControl(CacheControl.empty().cachePrivate());
        headers.setETag(etag);
        long length = video.length();
        HttpRange range = range(request.getHeaders(), etag, length);
        boolean head = HttpMethod.HEAD.equals(request.getMethod());
        if (range == null) {
            headers.setContentLength(length);
            return ResponseEntity.ok().headers(headers).body(head ? Flux.empty() : store.read(key, video, 0, length));
        }
        long start = range.getRangeStart(length);
        long end = range.getRangeEnd(length);
        headers.setContentLength(end - start + 1);
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
        return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(headers)
                .body(head ? Flux.empty() : store.read(key, video, start, end - start + 1));
    }

    /** The one satisfiable range asked for, or null for the whole video. */
    private static HttpRange range(HttpHeaders headers, String etag, long length) {
        String value = headers.getFirst(HttpHeaders.RANGE);
        if (value == null) {
            return null;
        }
        String ifRange = headers.getFirst(HttpHeaders.IF_RANGE);
        if (ifRange != null && !ifRange.equals(etag)) {
            return null;
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(value);
        } catch (IllegalArgumentException e) {
            throw new RangeNotSatisfiable(length);
        }
        if (ranges.size() != 1) {
            return null;
        }
        HttpRange range = ranges.get(0);
        try {
            if (range.getRangeStart(length) > range.getRangeEnd(length)) {
                throw new RangeNotSatisfiable(length);
            }
        } catch (IllegalArgumentException e) {
            throw new RangeNotSatisfiable(length);
        }
        return range;
    }

    /** 416, saying how long the video is. */
    static final class RangeNotSatisfiable extends ResponseStatusException {
        private final HttpHeaders headers = new HttpHeaders();

        RangeNotSatisfiable(long length) {
            super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "Range must be one byte range that starts within the video's " + length + " bytes");
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
