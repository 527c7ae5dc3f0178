package dev.hinge.platform.videos;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.Videos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link VideoStore} does, run against each real one. */
abstract class VideoStoreContract {
    @TempDir
    Path uploads;

    abstract VideoStore store();

    static VideoKey newKey() {
        return new VideoKey(new AthleteId(UUID.randomUUID()), new VideoId(UUID.randomUUID()));
    }

    Path upload(byte[] bytes) throws IOException {
        return Files.write(uploads.resolve(UUID.randomUUID() + ".part"), bytes);
    }

    byte[] read(VideoKey key, long offset, long length) {
        StoredVideo video = store().find(key).orElseThrow();
        DataBuffer joined = DataBufferUtils.join(store().read(key, video, offset, length)).block();
        if (joined == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        return bytes;
    }

    @Test
    void keepsAVideoWithItsFormatAndLengthAndReadsItWholeOrAnyRange() throws IOException {
        byte[] mp4 = Videos.bytes(Videos.MP4);
        VideoKey key = newKey();
        assertThat(store().keep(key, VideoFormat.MP4, upload(mp4))).isTrue();

        assertThat(store().find(key)).contains(new StoredVideo(VideoFormat.MP4, mp4.length));
        assertThat(read(key, 0, mp4.length)).isEqualTo(mp4);
        assertThat(read(key, 0, 100)).isEqualTo(Arrays.copyOfRange(mp4, 0, 100));
        assertThat(read(key, 1000, 500)).isEqualTo(Arrays.copyOfRange(mp4, 1000, 1500));
        assertThat(read(key, mp4.length - 7, 7)).isEqualTo(Arrays.copyOfRange(mp4, mp4.length - 7, mp4.length));
    }

    @Test
    void keepsEachFormatUnderItsOwnContentType() throws IOException {
        VideoKey webm = newKey();
        VideoKey mov = newKey();
        store().keep(webm, VideoFormat.WEBM, upload(Videos.bytes(Videos.WEBM)));
        store().keep(mov, VideoFormat.QUICKTIME, upload(Videos.bytes(Videos.MOV)));
        assertThat(store().find(webm).orElseThrow().format()).isEqualTo(VideoFormat.WEBM);
        assertThat(store().find(mov).orElseThrow().format()).isEqualTo(VideoFormat.QUICKTIME);
    }

    @Test
    void neverReplacesAVideoAlreadyKept() throws IOException {
        byte[] mp4 = Videos.bytes(Videos.MP4);
        VideoKey key = newKey();
        store().keep(key, VideoFormat.MP4, upload(mp4));

        assertThat(store().keep(key, VideoFormat.WEBM, upload(Videos.bytes(Videos.WEBM)))).isFalse();
        assertThat(store().keep(key, VideoFormat.MP4, upload(Videos.bytes(Videos.MOV)))).isFalse();
        assertThat(store().find(key)).contains(new StoredVideo(VideoFormat.MP4, mp4.length));
        assertThat(read(key, 0, mp4.length)).isEqualTo(mp4);
    }

    @Test
    void theSameVideoIdUnderAnotherAthleteIsNothing() throws IOException {
        VideoKey key = newKey();
        store().keep(key, VideoFormat.MP4, upload(Videos.bytes(Videos.MP4)));
        assertThat(store().find(new VideoKey(new AthleteId(UUID.randomUUID()), key.video()))).isEmpty();
    }

    @Test
    void aDeletedVideoIsGoneAndDeletingNothingIsNoError() throws IOException {
        VideoKey key = newKey();
        store().keep(key, VideoFormat.MP4, upload(Videos.bytes(Videos.MP4)));
        store().delete(key);
        assertThat(store().find(key)).isEmpty();
        store().delete(key);
        store().delete(newKey());
    }
}
