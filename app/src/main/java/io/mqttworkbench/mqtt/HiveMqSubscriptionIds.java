package io.mqttworkbench.mqtt;

import com.hivemq.client.internal.mqtt.MqttClientConfig;
import com.hivemq.client.internal.mqtt.codec.decoder.MqttDecoder;
import com.hivemq.client.internal.mqtt.codec.encoder.MqttEncoder;
import com.hivemq.client.internal.mqtt.message.publish.MqttStatefulPublish;
import com.hivemq.client.internal.mqtt.message.subscribe.MqttStatefulSubscribe;
import com.hivemq.client.internal.mqtt.message.subscribe.MqttSubscription;
import com.hivemq.client.internal.util.collections.ImmutableIntList;
import com.hivemq.client.mqtt.MqttClient;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription identifiers the HiveMQ engine keeps to itself. The library numbers each SUBSCRIBE and reads
 * the numbers on each PUBLISH, but hands the application neither. A handler in the connection's pipeline,
 * after the codec, sees both packets: it tells which number went with which filters, and keeps each arriving
 * message's numbers until the message reaches {@link #take}. This reaches into the library's internals
 * (version 1.4); should they change, {@link #watch} logs it and messages go without numbers (the log then
 * infers the subscription from the topic, as for MQTT 3.1.1).
 */
final class HiveMqSubscriptionIds {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqSubscriptionIds.class);
    private static final String NAME = "mqttwb.subscription-ids";
    /** Messages whose numbers wait for their callback; more means callbacks were lost: start again. */
    private static final int MAX_WAITING = 10_000;

    private final Map<Object, List<Integer>> waiting = Collections.synchronizedMap(new IdentityHashMap<>());
    private final BiConsumer<Integer, List<String>> numbered;

    /** @param numbered told which filters a number stands for, whenever the library sends one */
    HiveMqSubscriptionIds(BiConsumer<Integer, List<String>> numbered) {
        this.numbered = numbered;
    }

    /** Starts watching the client's connection; once per connect, as each connect has a new channel. */
    void watch(MqttClient client) {
        try {
            Channel channel = ((MqttClientConfig) client.getConfig()).getRawConnectionConfig().getChannel();
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NAME) != null) {
                return;
            }
            List<String> names = pipeline.names();
            String after = names.indexOf(MqttDecoder.NAME) > names.indexOf(MqttEncoder.NAME) ? MqttDecoder.NAME : MqttEncoder.NAME;
            pipeline.addAfter(after, NAME, new Handler());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("subscription identifiers of the HiveMQ engine are not available: {}", e.toString());
        }
    }

    /** The numbers the message arrived with (empty when it had none), forgotten once taken. */
    List<Integer> take(Object publish) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Integer> ids = waiting.remove(publish);
        return ids == null ? List.of() : ids;
    }

    private final class Handler extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof MqttStatefulPublish publish) {
                ImmutableIntList ids = publish.getSubscriptionIdentifiers();
                if (!ids.isEmpty()) {
                    List<Integer> list = new ArrayList<>(ids.size());
                    for (int i = 0; i < ids.size(); i++) {
                        list.add(ids.get(i));
                    }
                    if (waiting.size() >= MAX_WAITING) {
                        waiting.clear();
                    }
                    waiting.put(publish.stateless(), List.copyOf(list));
                }
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof MqttStatefulSubscribe subscribe
                    && subscribe.getSubscriptionIdentifier() != MqttStatefulSubscribe.DEFAULT_NO_SUBSCRIPTION_IDENTIFIER) {
                List<String> filters = new ArrayList<>();
                for (MqttSubscription s : subscribe.stateless().getSubscriptions()) {
                    filters.add(s.getTopicFilter().toString());
                }
                numbered.accept(subscribe.getSubscriptionIdentifier(), List.copyOf(filters));
            }
            super.write(ctx, msg, promise);
        }
    }
}
