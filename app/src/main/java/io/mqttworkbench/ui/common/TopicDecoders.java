package io.mqttworkbench.ui.common;

import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.profile.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Decoders chosen "for this topic", kept in the connection's profile (which is saved on every change). */
public final class TopicDecoders implements DecoderChoices.Kept {
    private final Supplier<Profile> profile;
    private final Consumer<Profile> changed;

    public TopicDecoders(Supplier<Profile> profile, Consumer<Profile> changed) {
        this.profile = profile;
        this.changed = changed;
    }

    @Override
    public Optional<PayloadFormat> get(String topic) {
        String id = profile.get().topicDecoders().get(topic);
        return id == null ? Optional.empty() : PayloadFormat.byId(id);
    }

    @Override
    public void set(String topic, PayloadFormat format) {
        Map<String, String> next = new LinkedHashMap<>(profile.get().topicDecoders());
        next.remove(topic); // re-added last: the most recent choices are the ones kept when the map is full
        if (format != null) {
            next.put(topic, format.id());
        }
        changed.accept(profile.get().toBuilder().topicDecoders(next).build());
    }
}
