package dev.hinge.platform.videos;

import dev.hinge.platform.test.Videos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default: a folder of the data directory. */
class FolderVideoStoreTest extends VideoStoreContract {
    @TempDir
    Path folder;
    FolderVideoStore store;

    @BeforeEach
    void open() {
        store = new FolderVideoStore(folder);
    }

    @Override
    VideoStore store() {
        return store;
    }

    @Test
    void aVideoIsOneFileNamedByItsAthleteAndIdWithItsFormatsExtensionAndTheUploadIsTakenOver() throws IOException {
        VideoKey key = newKey();
        Path upload = upload(Videos.bytes(Videos.WEBM));
        store.keep(key, VideoFormat.WEBM, upload);
        assertThat(folder.resolve(key.athlete() + "/" + key.video() + ".webm")).hasBinaryContent(Videos.bytes(Videos.WEBM));
        assertThat(upload).doesNotExist();
        try (var files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }
}
