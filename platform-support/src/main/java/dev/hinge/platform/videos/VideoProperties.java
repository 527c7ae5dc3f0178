package dev.hinge.platform.videos;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where uploaded videos are kept, {@code hinge.videos.*} (hinge-defaults.properties has the defaults):
 *
 * @param store   {@code folder} (the default) or {@code s3}
 * @param folder  the folder store's folder, default {@code <data dir>/videos}
 * @param uploads where an upload is written while it arrives, before it is checked and kept, default
 *                {@code <data dir>/video-uploads} (on the folder's file system, so keeping it is a rename)
 * @param maxSize the largest video accepted, default 500MB
 * @param s3      the bucket, when {@code store} is {@code s3}
 */
@ConfigurationProperties("hinge.videos")
public record VideoProperties(Store store, Path folder, Path uploads, DataSize maxSize, S3 s3) {
    public enum Store { FOLDER, S3 }

    public VideoProperties {
        Objects.requireNonNull(store, "hinge.videos.store (folder or s3)");
        Objects.requireNonNull(folder, "hinge.videos.folder");
        Objects.requireNonNull(uploads, "hinge.videos.uploads");
        Objects.requireNonNull(maxSize, "hinge.videos.max-size");
    }

    /**
     * @param bucket    the bucket (created at start when missing)
     * @param region    the region to sign requests for, default {@code us-east-1}
     * @param endpoint  the server's address, for storage other than AWS (MinIO: {@code http://minio:9000}); none for AWS
     * @param pathStyle address objects as {@code <endpoint>/<bucket>/<key>} (MinIO, most S3-compatible servers) rather
     *                  than {@code <bucket>.<endpoint>/<key>}
     * @param accessKey with {@code secretKey}, the credentials; without them the AWS SDK's default chain (environment,
     *                  profile, instance role)
     */
    public record S3(String bucket, String region, URI endpoint, boolean pathStyle, String accessKey, String secretKey) {
    }
}
