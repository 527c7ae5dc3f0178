package dev.hinge.platform.videos;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The one {@link VideoStore} both services use, chosen by {@code hinge.videos.store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VideoProperties.class)
public class VideoStorageConfiguration {

    /** An S3 store closes its client with the context (Spring calls {@code close()} of an AutoCloseable bean). */
    @Bean
    VideoStore videoStore(VideoProperties properties) {
        return switch (properties.store()) {
            case FOLDER -> new FolderVideoStore(properties.folder());
            case S3 -> {
                VideoProperties.S3 s3 = properties.s3();
                if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
                    throw new IllegalStateException("hinge.videos.store=s3 needs hinge.videos.s3.bucket");
                }
                S3VideoStore store = new S3VideoStore(s3Client(s3), s3.bucket());
                store.createBucketIfMissing();
                yield store;
            }
        };
    }

    /**
     * A synchronous client over the JDK's HTTP client. Checksums only where S3 requires them: the SDK's default
     * (a CRC trailer on every upload) is not understood by every S3-compatible server.
     */
    public static S3Client s3Client(VideoProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.region() == null || s3.region().isBlank() ? "us-east-1" : s3.region()))
                .forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(s3));
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(VideoProperties.S3 s3) {
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
