package io.mqttworkbench.cli;

import io.mqttworkbench.mqtt.BrokerUrl;
import io.mqttworkbench.mqtt.MqttEngine;
import io.mqttworkbench.mqtt.MqttVersion;
import io.mqttworkbench.mqtt.UserProperty;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters that turn our own parse errors into one-line messages. */
final class Converters {
    private Converters() {
    }

    /** A broker URL with the user name and password it may carry; the message never repeats the password. */
    static final class BrokerUrlConverter implements ITypeConverter<BrokerUrl.WithCredentials> {
        @Override
        public BrokerUrl.WithCredentials convert(String value) {
            try {
                return BrokerUrl.parseWithCredentials(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MqttVersionConverter implements ITypeConverter<MqttVersion> {
        @Override
        public MqttVersion convert(String value) {
            try {
                return MqttVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class EngineConverter implements ITypeConverter<MqttEngine> {
        @Override
        public MqttEngine convert(String value) {
            try {
                return MqttEngine.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class UserPropertyConverter implements ITypeConverter<UserProperty> {
        @Override
        public UserProperty convert(String value) {
            try {
                return UserProperty.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class QosConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return switch (value.trim()) {
                case "0" -> 0;
                case "1" -> 1;
                case "2" -> 2;
                default -> throw new TypeConversionException("QoS must be 0, 1 or 2, not '" + value + "'");
            };
        }
    }
}
