package io.mqttworkbench.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file that is replaced whole or not at all: the new content goes to a temporary file beside it, is
 * forced to disk, and is then renamed over the old one, which is first copied to a backup. A crash at
 * any moment leaves either the old or the new content, never a mix. On POSIX systems the files are
 * readable by their owner only, because they may hold passwords. Reading refuses a file larger than the
 * limit ({@link FileTooLargeException}): these files are kilobytes, and reading a broken one of gigabytes
 * whole would end the program with an OutOfMemoryError instead of a reason.
 */
public final class AtomicFile {

    /** Fault injection for tests: called between writing the temporary file and renaming it. */
    interface Steps {
        Steps NONE = () -> { };

        void beforeRename() throws IOException;

        /** Called before a copy aside. */
        default void beforeCopyAside() throws IOException {
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** The largest settings file read: a thousand profiles with a thousand topic choices each stay far below. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final Path backup;
    private final Path temporary;
    private final Steps steps;
    private final long maxBytes;

    public AtomicFile(Path file) {
        this(file, Steps.NONE);
    }

    /** A file allowed to grow to {@code maxBytes} before reading it is refused. */
    public AtomicFile(Path file, long maxBytes) {
        this(file, Steps.NONE, maxBytes);
    }

    AtomicFile(Path file, Steps steps) {
        this(file, steps, MAX_BYTES);
    }

    private AtomicFile(Path file, Steps steps, long maxBytes) {
        this.maxBytes = maxBytes;
        this.file = file.toAbsolutePath();
        this.backup = this.file.resolveSibling(this.file.getFileName() + ".bak");
        this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
        this.steps = steps;
    }

    public Path path() {
        return file;
    }

    public Path backupPath() {
        return backup;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** The whole content; a file over the size limit is refused with {@link FileTooLargeException}. */
    public String read() throws IOException {
        return readText(file, maxBytes);
    }

    /** Reads a whole UTF-8 file, refusing one larger than {@code maxBytes} before reading any of it. */
    public static String readText(Path path, long maxBytes) throws IOException {
        requireAtMost(path, maxBytes);
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** Throws {@link FileTooLargeException} when the file is larger than {@code maxBytes}, before anything reads it whole. */
    public static void requireAtMost(Path path, long maxBytes) throws IOException {
        long size = Files.size(path);
        if (size > maxBytes) {
            throw new FileTooLargeException(path, size, maxBytes);
        }
    }

    /**
     * Replaces the content. The current file becomes the backup unless {@code keepBackup} is false (for
     * example when the current file could not be read: a broken file must not push out a good backup).
     */
    public void write(String content, boolean keepBackup) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly())) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        steps.beforeRename();
        if (keepBackup && Files.exists(file)) {
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            restrict(backup);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    /**
     * Copies the file aside, untouched, under a name that says when; returns where it went. A file over
     * the size limit is moved instead: copying gigabytes would fill the disk, and left in place it would
     * be refused again at every start.
     */
    public Path keepAside(String reason) throws IOException {
        steps.beforeCopyAside();
        if (Files.size(file) > maxBytes) {
            Path aside = asideName(file, reason);
            Files.move(file, aside);
            return aside;
        }
        return copyAside(file, reason);
    }

    /** Copies the backup aside the same way, so that no later save can push it out. */
    public Path keepBackupAside(String reason) throws IOException {
        steps.beforeCopyAside();
        return copyAside(backup, reason);
    }

    private static Path copyAside(Path source, String reason) throws IOException {
        Path aside = asideName(source, reason);
        try {
            Files.copy(source, aside, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("could not keep " + source + " aside: " + aside + " exists", e);
        }
        return aside;
    }

    /** {@code profiles.json.unreadable-20250101-120000}, numbered when that exists. */
    private static Path asideName(Path source, String reason) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = source.resolveSibling(source.getFileName() + "." + reason + "-" + stamp);
        for (int i = 2; Files.exists(aside); i++) {
            aside = source.resolveSibling(source.getFileName() + "." + reason + "-" + stamp + "-" + i);
        }
        return aside;
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }

    private static void restrict(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories this way; NTFS journals the rename itself.
        }
    }
}
