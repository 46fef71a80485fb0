package io.mqttworkbench.ui.profile;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.ConnectionSettings;
import io.mqttworkbench.mqtt.LastWill;
import io.mqttworkbench.mqtt.MessageProperties;
import io.mqttworkbench.mqtt.SubscriptionRequest;
import io.mqttworkbench.mqtt.Transport;
import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.HistorySettings;
import io.mqttworkbench.profile.Profile;
import io.mqttworkbench.profile.ProfileJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The profile editor's logic without a window: what it keeps, what it refuses, and when it lets the user save. */
class ProfileEditorViewModelTest {

    /** Background work waits here until the test runs it, so the "still checking" state can be seen. */
    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final Executor queued = background::add;
    private final Executor direct = Runnable::run;

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private static Profile withBinaryWill() {
        byte[] binary = {0, (byte) 0xff, (byte) 0xfe, 0x10};
        byte[] correlation = {(byte) 0xc3, 0x28, 1};
        return Profile.builder("Line 4 PLC", ConnectionSettings.builder(BrokerUrl.parse("mqtt://127.0.0.1:1883"))
                        .lastWill(new LastWill("spBv1.0/plant/NDEATH/line4", binary, 1, false,
                                new MessageProperties("application/octet-stream", false, 60L, "replies/line4", correlation,
                                        List.of(new UserProperty("site", "Berlin")), List.of(), null), 3L))
                        .build())
                .subscriptionRequests(List.of(new SubscriptionRequest("spBv1.0/plant/#", 1, true, true, 2, 7)))
                .build();
    }

    @Test
    void savingAnUntouchedProfileChangesNothingNotEvenBinaryWillBytes() {
        Profile original = withBinaryWill();
        ProfileEditorViewModel vm = new ProfileEditorViewModel(original, false, direct, direct, Texts.english());
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.will.payloadNote().get().message()).contains("Binary, 4 bytes");
        assertThat(vm.will.correlationNote().get().message()).contains("Binary, 3 bytes");

        Profile saved = vm.build();
        assertThat(ProfileJson.write(List.of(saved), true)).isEqualTo(ProfileJson.write(List.of(original), true));
        assertThat(saved.settings().lastWill().payload()).isEqualTo(original.settings().lastWill().payload());
        assertThat(saved.settings().lastWill().properties().payloadFormatUtf8()).isFalse();
    }

    @Test
    void typingOverABinaryWillReplacesItWithText() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(withBinaryWill(), false, direct, direct, Texts.english());
        vm.will.payload.set("offline");
        assertThat(vm.will.payloadNote().get()).isEqualTo(FieldCheck.OK);
        assertThat(vm.build().settings().lastWill().payload()).isEqualTo("offline".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSharedFilterCannotKeepNoLocal() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(withBinaryWill(), false, direct, direct, Texts.english());
        SubscriptionsEditor.Row row = vm.subscriptions.rows().get(0);
        row.filter.textProperty().set("$share/workers/spBv1.0/plant/#");
        assertThat(row.filter.checkProperty().get().message()).contains("no local");
        assertThat(vm.canSaveProperty().get()).isFalse();

        row.filter.textProperty().set(" spBv1.0/plant/+/line4 ");
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.build().subscriptionRequests()).containsExactly(new SubscriptionRequest("spBv1.0/plant/+/line4", 1, true, true, 2, 7));
    }

    @Test
    void savingWaitsForTheCertificateCheck() {
        Profile secure = Profile.builder("Secure", ConnectionSettings.builder(new BrokerUrl(Transport.TLS, "127.0.0.1", 8883, "")).build()).build();
        ProfileEditorViewModel vm = new ProfileEditorViewModel(secure, false, queued, direct, Texts.english());
        runBackground();
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.tls.caFile.set("/nonexistent/ca.pem");
        assertThat(vm.tls.caCheckProperty().get().severity()).isEqualTo(FieldCheck.Severity.PENDING);
        assertThat(vm.canSaveProperty().get()).as("not while the file is being read").isFalse();
        runBackground();
        assertThat(vm.tls.caCheckProperty().get().severity()).isEqualTo(FieldCheck.Severity.ERROR);
        assertThat(vm.canSaveProperty().get()).isFalse();

        vm.tls.caFile.set("bad\u0000path");
        runBackground();
        assertThat(vm.tls.caCheckProperty().get().message()).contains("not a valid file path");

        vm.tls.caFile.set("");
        runBackground();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void aPastedUrlWithCredentialsFillsTheUserNameAndPasswordAndTheUrlKeepsNone() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(withBinaryWill(), false, direct, direct, Texts.english());
        vm.askForPassword.set(true);
        vm.pastedUrl.set("mqtts://alice:s%40cret@broker.example:8883");

        assertThat(vm.pastedUrlProblemProperty().get()).isEmpty();
        Profile saved = vm.build();
        assertThat(saved.settings().url()).isEqualTo(new BrokerUrl(Transport.TLS, "broker.example", 8883, ""));
        assertThat(saved.settings().username()).isEqualTo("alice");
        assertThat(saved.settings().password()).isEqualTo("s@cret".toCharArray());
        assertThat(saved.askForPassword()).isFalse();

        vm.pastedUrl.set("mqtt://bob:pa/ss@h");
        assertThat(vm.pastedUrlProblemProperty().get()).contains("%40").doesNotContain("pa/ss");
    }

    @Test
    void aQuickConnectionIsSavedUnderItsOwnTitle() {
        assertThat(new ProfileEditorViewModel(withBinaryWill(), true, direct, direct, Texts.english()).title()).isEqualTo("New profile");
        assertThat(new ProfileEditorViewModel(withBinaryWill(), true, direct, direct, Texts.english()).titled("Save as profile").title()).isEqualTo("Save as profile");
    }

    @Test
    void subscribeToAllOnConnectIsShownAndSaved() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(withBinaryWill(), false, direct, direct, Texts.english());
        assertThat(vm.subscribeAllOnConnect.get()).isFalse();
        vm.subscribeAllOnConnect.set(true);
        Profile saved = vm.build();
        assertThat(saved.subscribeAllOnConnect()).isTrue();
        assertThat(saved.subscriptions()).isEqualTo(withBinaryWill().subscriptions()); // "#" is not added to the list
        assertThat(new ProfileEditorViewModel(saved, false, direct, direct, Texts.english()).subscribeAllOnConnect.get()).isTrue();
    }

    @Test
    void theHistoryLimitsAreCheckedAsTypedAndSavedWithTheirUnits() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(withBinaryWill(), false, direct, direct, Texts.english());
        HistoryEditor history = vm.history;
        assertThat(history.keepOnDisk.get()).isTrue();
        assertThat(history.maxAge.text()).isEqualTo("7");
        assertThat(history.ageUnit.get()).isEqualTo(HistoryEditor.AgeUnit.DAYS);
        assertThat(history.maxSize.text()).isEqualTo("2");
        assertThat(history.sizeUnit.get()).isEqualTo(HistoryEditor.SizeUnit.GIB);

        for (String bad : List.of("0", "-3", "seven", "", "1.5")) {
            history.maxAge.textProperty().set(bad);
            assertThat(history.maxAge.checkProperty().get().severity()).as(bad).isEqualTo(FieldCheck.Severity.ERROR);
            assertThat(vm.canSaveProperty().get()).as(bad).isFalse();
        }
        history.maxAge.textProperty().set("0");
        assertThat(history.maxAge.checkProperty().get().message()).isEqualTo("The age limit in days must be between 1 and 3650");
        history.maxAge.textProperty().set("seven");
        assertThat(history.maxAge.checkProperty().get().message()).isEqualTo("The age limit in days must be a whole number, not 'seven'");
        history.maxAge.textProperty().set("36");
        history.ageUnit.set(HistoryEditor.AgeUnit.HOURS);
        history.maxSize.textProperty().set("-1");
        assertThat(history.maxSize.checkProperty().get().message()).isEqualTo("The size limit in GiB must be between 1 and 1024");
        assertThat(vm.canSaveProperty().get()).isFalse();
        history.maxSize.textProperty().set("300");
        history.sizeUnit.set(HistoryEditor.SizeUnit.MIB);
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.build().history()).isEqualTo(new HistorySettings(true, Duration.ofHours(36), 300 * HistorySettings.MIB));

        history.maxSize.textProperty().set("5");
        assertThat(history.maxSize.checkProperty().get().severity()).isEqualTo(FieldCheck.Severity.WARNING);
        assertThat(vm.canSaveProperty().get()).isTrue();

        // switched off, a half-typed limit does not stop saving, and the last saved limits stay for later
        history.maxSize.textProperty().set("abc");
        assertThat(vm.canSaveProperty().get()).isFalse();
        history.keepOnDisk.set(false);
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.build().history()).isEqualTo(HistorySettings.DEFAULT.withKeepOnDisk(false));

        Profile edited = withBinaryWill().toBuilder().history(new HistorySettings(true, Duration.ofHours(36), 300 * HistorySettings.MIB)).build();
        HistoryEditor again = new ProfileEditorViewModel(edited, false, direct, direct, Texts.english()).history;
        assertThat(again.maxAge.text() + " " + again.ageUnit.get()).isEqualTo("36 HOURS");
        assertThat(again.maxSize.text() + " " + again.sizeUnit.get().label).isEqualTo("300 MiB");
    }

    @Test
    void inChineseTheFieldChecksSayTheirWholeSentenceInChinese() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(withBinaryWill(), false, direct, direct, Texts.simplifiedChinese());

        vm.keepAlive.textProperty().set("abc");
        assertThat(vm.keepAlive.checkProperty().get()).isEqualTo(FieldCheck.error("保活时间必须是整数，而不是“abc”"));
        vm.host.textProperty().set("");
        assertThat(vm.host.checkProperty().get().message()).isEqualTo("请输入服务器的主机名或 IP 地址");
        vm.history.maxAge.textProperty().set("0");
        assertThat(vm.history.maxAge.checkProperty().get().message()).startsWith("以天计的保留时长上限必须在 1 到 ");
        vm.will.delay.textProperty().set("-1");
        assertThat(vm.will.delay.checkProperty().get().message()).isEqualTo("遗嘱延迟必须在 0 到 4294967295 之间");
        SubscriptionsEditor.Row row = vm.subscriptions.add();
        row.filter.textProperty().set("a/#/b");
        assertThat(row.filter.checkProperty().get().message()).isEqualTo("主题过滤器“a/#/b”：# 必须是最后一个层级");
    }

    @Test
    void inChineseAPastedUrlThatIsNoUrlSaysWhyInChinese() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(withBinaryWill(), false, direct, direct, Texts.simplifiedChinese());
        vm.pastedUrl.set("mqtt://host/path");
        assertThat(vm.pastedUrlProblemProperty().get()).isEqualTo("路径（“/path”）只对 ws:// 和 wss:// URL 有意义");
        vm.pastedUrl.set("http://host");
        assertThat(vm.pastedUrlProblemProperty().get()).isEqualTo("服务器 URL 中的协议“http”无法识别：请使用 mqtt://、mqtts://、ws:// 或 wss://");
    }
}
