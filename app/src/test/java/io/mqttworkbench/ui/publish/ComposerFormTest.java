package io.mqttworkbench.ui.publish;

import io.mqttworkbench.ui.common.Texts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.mqtt.UserProperty;
import io.mqttworkbench.ui.common.UserPropertyRow;
import org.junit.jupiter.api.Test;

/** The composer's form as a value, without a broker or a window. */
class ComposerFormTest {

    @Test
    void rowsLeftEmptyAreNotSent() {
        PublishViewModel composer = new PublishViewModel(() -> null, Runnable::run, Texts.english());
        composer.userProperties().addAll(new UserPropertyRow("", ""), new UserPropertyRow("trace", "8b4c"), new UserPropertyRow(null, null),
                new UserPropertyRow("flag", ""));

        assertThat(composer.composition().userProperties()).containsExactly(new UserProperty("trace", "8b4c"), new UserProperty("flag", ""));
    }

    @Test
    void formatLaysOutJsonWithPlaceholdersAndSaysWhyWhenItCannot() {
        PublishViewModel composer = new PublishViewModel(() -> null, Runnable::run, Texts.english());
        composer.payloadProperty().set("{\"n\":{{counter}}}");
        composer.layoutPayload(true);
        assertThat(composer.payloadProperty().get()).isEqualTo("{\n  \"n\": {{counter}}\n}");
        assertThat(composer.resultProperty().get()).isEmpty();

        composer.payloadProperty().set("{\"n\":{{counter}},}}");
        composer.layoutPayload(false);
        assertThat(composer.payloadProperty().get()).isEqualTo("{\"n\":{{counter}},}}");
        assertThat(composer.resultProperty().get()).startsWith("Not valid JSON");
        assertThat(composer.resultIsErrorProperty().get()).isTrue();

        composer.payloadProperty().set("{\"n\":{{counter}}}");
        composer.layoutPayload(false);
        assertThat(composer.payloadProperty().get()).isEqualTo("{\"n\":{{counter}}}");
        assertThat(composer.resultProperty().get()).isEmpty();
    }
}
