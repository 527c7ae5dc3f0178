package dev.hinge.readside.export;

import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.platform.paging.Page;
import dev.hinge.readside.timeline.TimelineStore;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An athlete's whole timeline as a stream, read from the database a page at a time as the client takes it in, so a
 * ten-year history never sits in memory: the next page is read only when the previous one has been written out.
 */
public final class TimelineExport {
    /** Items read per query. */
    public static final int PAGE = 500;

    private TimelineExport() {
    }

    /** Every item of the athlete's timeline, oldest first, up to {@code asOf}. */
    public static Flux<TimelineItem> items(TimelineStore store, UUID athlete, Instant asOf) {
        return Flux.<List<TimelineItem>, Optional<String>>generate(() -> Optional.of(""), (cursor, sink) -> {
                    if (cursor.isEmpty()) {
                        sink.complete();
                        return cursor;
                    }
                    Page<TimelineItem> page = store.page(athlete, null, null, null, asOf, PAGE,
                            cursor.get().isEmpty() ? null : cursor.get());
                    sink.next(page.items());
                    return Optional.ofNullable(page.next());
                })
                // the queries run off the event loop, and so do the requests for more that trigger them
                .subscribeOn(Schedulers.boundedElastic())
                .concatMapIterable(items -> items, 1);
    }

    /** The headers of a download named {@code base-<date>.<extension>}. */
    public static HttpHeaders attachment(String base, Instant at, String extension) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(base + "-" + LocalDate.ofInstant(at, ZoneOffset.UTC) + "." + extension).build());
        return headers;
    }

    /** A downloadable file of {@code text}, written as it is produced. */
    public static ResponseEntity<Flux<DataBuffer>> download(String base, Instant at, String extension, MediaType type,
                                                            Flux<String> text) {
        return ResponseEntity.ok().headers(attachment(base, at, extension)).contentType(type)
                .body(text.map(s -> DefaultDataBufferFactory.sharedInstance.wrap(s.getBytes(StandardCharsets.UTF_8))));
    }

    /** The sets of {@code items} as a CSV download named {@code base}. */
    public static ResponseEntity<Flux<DataBuffer>> setsCsv(String base, Instant at, Flux<TimelineItem> items) {
        return download(base, at, "csv", MediaType.parseMediaType(SetsCsv.MEDIA_TYPE), SetsCsv.lines(items));
    }
}
