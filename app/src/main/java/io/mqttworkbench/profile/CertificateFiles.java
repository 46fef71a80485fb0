package io.mqttworkbench.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Writes certificate material that arrived inside another tool's file to files of its own, because a
 * profile refers to certificate files. Client keys are secrets, so on POSIX systems every file (and a folder
 * created for them) is readable by its owner only. An existing file is never overwritten: a file with the
 * same content is reused, so importing the same export twice does not pile up copies.
 */
final class CertificateFiles {

    private static final int MAX_NAME_LENGTH = 60;

    private CertificateFiles() {
    }

    /** Writes {@code content} to {@code <baseName>.pem} in the folder, or {@code <baseName>-2.pem} and so on. */
    static Path save(Path folder, String baseName, byte[] content) throws IOException {
        Path directory = folder.toAbsolutePath();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        for (int i = 1; i < 1000; i++) {
            Path file = directory.resolve(i == 1 ? baseName + ".pem" : baseName + "-" + i + ".pem");
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(file), content)) {
                    return file;
                }
                continue;
            }
            try (SeekableByteChannel channel = Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                // A half-written certificate would fail later with a worse message than this one.
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        }
        throw new IOException("there are already 999 files named " + baseName + "-*.pem");
    }

    /** A file name part from a profile name: letters, digits, '.', '_' and '-' only, never hidden, never empty. */
    static String safeName(String name) {
        String cleaned = name == null ? "" : name.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        if (cleaned.length() > MAX_NAME_LENGTH) {
            cleaned = cleaned.substring(0, MAX_NAME_LENGTH);
        }
        cleaned = cleaned.replaceAll("^[-.]+|[-.]+$", "");
        return cleaned.isEmpty() ? "profile" : cleaned;
    }
}
