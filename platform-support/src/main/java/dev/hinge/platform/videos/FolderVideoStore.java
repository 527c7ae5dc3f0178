package dev.hinge.platform.videos;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Videos as files of a folder, {@code <athlete id>/<video id>.<mp4|mov|webm>}: the extension keeps the format. A
 * video is moved into place whole (a rename when the upload lies on the same file system, as it does under the data
 * folder), so a reader never sees half of one. Reads are asynchronous file reads.
 */
public class FolderVideoStore implements VideoStore {
    static final int CHUNK = 64 * 1024;
    private final Path folder;
    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    public FolderVideoStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public boolean keep(VideoKey key, VideoFormat format, Path upload) {
        if (find(key).isPresent()) {
            return false;
        }
        Path file = file(key, format);
        try {
            Files.createDirectories(file.getParent());
            Files.move(upload, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep video " + key.path(), e);
        }
    }

    @Override
    public Optional<StoredVideo> find(VideoKey key) {
        for (VideoFormat format : VideoFormat.values()) {
            try {
                return Optional.of(new StoredVideo(format, Files.size(file(key, format))));
            } catch (NoSuchFileException e) {
                // another format, or none
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read video " + key.path(), e);
            }
        }
        return Optional.empty();
    }

    @Override
    public Flux<DataBuffer> read(VideoKey key, StoredVideo video, long offset, long length) {
        Path file = file(key, video.format());
        return DataBufferUtils.takeUntilByteCount(DataBufferUtils.readAsynchronousFileChannel(
                () -> AsynchronousFileChannel.open(file, StandardOpenOption.READ), offset, buffers, CHUNK), length);
    }

    @Override
    public void delete(VideoKey key) {
        for (VideoFormat format : VideoFormat.values()) {
            try {
                Files.deleteIfExists(file(key, format));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete video " + key.path(), e);
            }
        }
    }

    private Path file(VideoKey key, VideoFormat format) {
        return folder.resolve(key.path() + "." + format.extension());
    }
}
