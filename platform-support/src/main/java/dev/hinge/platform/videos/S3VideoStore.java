package dev.hinge.platform.videos;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Videos as objects of one bucket of S3-compatible storage (AWS S3, MinIO), keyed {@code <athlete id>/<video id>}
 * with their content type as the object's. An upload is put whole from its checked file (its length known, so the
 * SDK streams it from disk); a read is a ranged GET, streamed as the client asks for it.
 */
public class S3VideoStore implements VideoStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    public S3VideoStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Creates the bucket when it does not exist yet (a new MinIO, a test server); both services may, at once. */
    public void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createBucket();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            createBucket();
        }
    }

    private void createBucket() {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException createdByTheOtherService) {
            // the other service made it between our look and our creation
        }
    }

    @Override
    public boolean keep(VideoKey key, VideoFormat format, Path upload) {
        if (find(key).isPresent()) {
            return false;
        }
        try {
            s3.putObject(b -> b.bucket(bucket).key(key.path()).contentType(format.mediaType()).ifNoneMatch("*"),
                    RequestBody.fromFile(upload));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) { // If-None-Match: another writer kept one under this key first
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredVideo> find(VideoKey key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key.path()));
            return VideoFormat.ofMediaType(head.contentType())
                    .map(format -> new StoredVideo(format, head.contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Flux<DataBuffer> read(VideoKey key, StoredVideo video, long offset, long length) {
        if (length == 0) {
            return Flux.empty();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return Flux.using(() -> s3.getObject(b -> b.bucket(bucket).key(key.path()).range(range)),
                        (ResponseInputStream<GetObjectResponse> in) -> DataBufferUtils.readByteChannel(
                                () -> Channels.newChannel(in), buffers, FolderVideoStore.CHUNK),
                        // a client that stops watching leaves the rest unread: drop the connection, don't drain it
                        ResponseInputStream::abort)
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void delete(VideoKey key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key.path()));
    }

    @Override
    public void close() {
        s3.close();
    }
}
