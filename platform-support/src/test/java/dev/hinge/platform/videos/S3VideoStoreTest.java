package dev.hinge.platform.videos;

import dev.hinge.platform.test.S3Proxy;
import dev.hinge.platform.test.Videos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment store, against a real S3 server (s3proxy) that this test starts, not a mock. */
class S3VideoStoreTest extends VideoStoreContract {
    private static final String BUCKET = "hinge-videos";
    @TempDir
    static Path serverFolder;
    static S3Proxy server;
    static S3VideoStore store;
    static S3Client client;

    @BeforeAll
    static void startServer() {
        server = S3Proxy.start(serverFolder);
        VideoProperties.S3 settings = new VideoProperties.S3(BUCKET, "us-east-1", server.endpoint(), true,
                S3Proxy.IDENTITY, S3Proxy.CREDENTIAL);
        client = VideoStorageConfiguration.s3Client(settings);
        store = new S3VideoStore(VideoStorageConfiguration.s3Client(settings), BUCKET);
        store.createBucketIfMissing();
        store.createBucketIfMissing(); // a second start finds it
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    VideoStore store() {
        return store;
    }

    @Test
    void aVideoIsOneObjectKeyedByItsAthleteAndIdWithItsContentType() throws IOException {
        VideoKey key = newKey();
        store.keep(key, VideoFormat.QUICKTIME, upload(Videos.bytes(Videos.MOV)));
        var head = client.headObject(b -> b.bucket(BUCKET).key(key.athlete() + "/" + key.video()));
        assertThat(head.contentType()).isEqualTo("video/quicktime");
        assertThat(head.contentLength()).isEqualTo(Videos.bytes(Videos.MOV).length);
    }
}
