package dev.hinge.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret generated once into a file of the data folder (owner-only) and kept, so it survives restarts and
 * both services read the same one; whichever service starts first writes it.
 */
public final class DataFolderSecret {
    private DataFolderSecret() {
    }

    /** The secret's bytes; {@code length} random bytes when the file is new. */
    public static byte[] keptIn(Path file, int length) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] secret = new byte[length];
                new SecureRandom().nextBytes(secret);
                Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort outside POSIX file systems
                }
                Files.writeString(temp, Base64.getEncoder().encodeToString(secret));
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException otherServiceWon) {
                    Files.delete(temp);
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a secret in " + file, e);
        }
    }
}
