package io.mqttworkbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttworkbench.decode.ProtoSchemas;
import io.mqttworkbench.publish.PublishHistory;
import io.mqttworkbench.publish.TemplateLibrary;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON file read at start refuses a file of gigabytes with the reason instead of running out of
 * memory, and keeps it aside as a corrupt one is kept. The files are sparse: 3 GB long, nothing written.
 */
class OversizedFilesTest {

    private static final long THREE_GB = 3L * 1024 * 1024 * 1024;

    @TempDir
    Path dir;

    static void sparse(Path file, long length) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    private List<String> asideFiles(String prefix) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix + ".unreadable-")).toList();
        }
    }

    @Test
    void profilesOfGigabytesAreRefusedWithTheReasonAndMovedAsideWithTheBackupOffered() throws IOException {
        ProfileStore first = new ProfileStore(dir);
        first.save(List.of(Profile.sandbox(), ProfileStoreTest.everything()));
        first.save(List.of(Profile.sandbox(), ProfileStoreTest.everything()));
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        sparse(file, THREE_GB);

        ProfileStore store = new ProfileStore(dir);
        ProfileStore.LoadResult result = store.load();

        assertThat(result).isInstanceOf(ProfileStore.Unreadable.class);
        ProfileStore.Unreadable unreadable = (ProfileStore.Unreadable) result;
        assertThat(unreadable.reason()).contains(file.toString()).contains("3.0 GB").contains("more than the 64.0 MB");
        assertThat(unreadable.profiles()).singleElement().satisfies(p -> assertThat(p.isSandbox()).isTrue());
        // moved, not copied: a copy would write gigabytes, and left in place it would be refused at every start
        assertThat(Files.size(unreadable.keptAside())).isEqualTo(THREE_GB);
        assertThat(file).doesNotExist();
        assertThat(unreadable.backupAvailable()).isTrue();
        assertThat(store.loadBackup()).extracting(Profile::name).containsExactly("Local sandbox", "Orders (staging)");

        store.save(unreadable.profiles());
        assertThat(new ProfileStore(dir).load()).isInstanceOf(ProfileStore.Loaded.class);
        assertThat(store.loadBackup()).hasSize(2);
    }

    @Test
    void aBackupOfGigabytesIsRefusedWithTheReason() throws IOException {
        sparse(dir.resolve(ProfileStore.FILE_NAME + ".bak"), THREE_GB);
        assertThatThrownBy(() -> new ProfileStore(dir).loadBackup()).isInstanceOf(FileTooLargeException.class).hasMessageContaining("3.0 GB");
    }

    @Test
    void theWorkspaceStartsWithTheDefaults() throws IOException {
        sparse(dir.resolve(WorkspaceStateStore.FILE_NAME), THREE_GB);
        assertThat(new WorkspaceStateStore(dir).load()).isEqualTo(WorkspaceState.EMPTY);
    }

    @Test
    void templatesAreRefusedAndKeptAside() throws IOException {
        Path file = dir.resolve("templates.json");
        sparse(file, THREE_GB);
        assertThatThrownBy(() -> new TemplateLibrary(file).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("3.0 GB").hasMessageContaining("kept aside as templates.json.unreadable-");
        assertThat(asideFiles("templates.json")).hasSize(1);
        assertThat(file).doesNotExist();

        Path shared = dir.resolve("shared.templates.json");
        sparse(shared, THREE_GB);
        assertThatThrownBy(() -> new TemplateLibrary(file).load().importFile(shared)).isInstanceOf(FileTooLargeException.class);
    }

    @Test
    void aPublishHistoryStartsEmptySayingWhy() throws IOException {
        Path file = dir.resolve("history-profile.json");
        sparse(file, THREE_GB);
        PublishHistory history = new PublishHistory(file, PublishHistory.DEFAULT_LIMIT).load();
        assertThat(history.entries()).isEmpty();
        assertThat(history.loadProblem()).contains("3.0 GB").contains("kept aside as history-profile.json.unreadable-");
        assertThat(asideFiles("history-profile.json")).hasSize(1);
    }

    @Test
    void savedProtobufSchemasAreRefusedAndKeptAside() throws IOException {
        Path file = dir.resolve(ProtoSchemas.FILE_NAME);
        sparse(file, THREE_GB);
        ProtoSchemas schemas = new ProtoSchemas(file);
        assertThatThrownBy(schemas::load).isInstanceOf(IOException.class).hasMessageContaining("3.0 GB");
        assertThat(schemas.loadProblem()).contains("kept aside");
        assertThat(asideFiles(ProtoSchemas.FILE_NAME)).hasSize(1);
    }

    @Test
    void aDescriptorSetOfGigabytesLeavesItsMappingListedWithTheReason() throws IOException {
        Path descriptors = dir.resolve("huge.desc");
        sparse(descriptors, THREE_GB);
        Path file = dir.resolve(ProtoSchemas.FILE_NAME);
        Files.writeString(file, "{\"format\": \"mqtt-workbench-protobuf-schemas\", \"version\": 1, \"schemas\": "
                + "[{\"filter\": \"plant/#\", \"file\": \"" + descriptors.toString().replace("\\", "\\\\") + "\", \"message\": \"plant.Reading\"}]}");
        ProtoSchemas schemas = new ProtoSchemas(file);
        schemas.load();
        assertThat(schemas.mappings()).singleElement().satisfies(m -> assertThat(m.problem()).contains("3.0 GB"));
    }

    @Test
    void aFileAtTheLimitIsStillRead() throws IOException {
        Path file = dir.resolve("small.json");
        Files.writeString(file, "{}");
        assertThat(AtomicFile.readText(file, 2)).isEqualTo("{}");
        assertThatThrownBy(() -> AtomicFile.readText(file, 1)).isInstanceOf(FileTooLargeException.class).hasMessageContaining("2 B");
    }
}
