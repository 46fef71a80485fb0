package io.mqttworkbench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of MQTT 5.0 section 4.7 (topic names and filters), one by one, and a few more edges. */
class TopicFilterTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # 4.7.1.2: multi-level wildcard
            sport/tennis/player1/#   | sport/tennis/player1                  | true
            sport/tennis/player1/#   | sport/tennis/player1/ranking          | true
            sport/tennis/player1/#   | sport/tennis/player1/score/wimbledon  | true
            sport/#                  | sport                                 | true
            '#'                      | sport/tennis/player1                  | true
            '#'                      | /                                     | true
            sport/tennis/#           | sport/tennis                          | true
            sport/tennis/#           | sport/tennisplayer1                   | false
            # 4.7.1.3: single-level wildcard
            sport/tennis/+           | sport/tennis/player1                  | true
            sport/tennis/+           | sport/tennis/player2                  | true
            sport/tennis/+           | sport/tennis/player1/ranking          | false
            sport/+                  | sport                                 | false
            sport/+                  | sport/                                | true
            +/+                      | /finance                              | true
            /+                       | /finance                              | true
            +                        | /finance                              | false
            +/tennis/#               | sport/tennis/player1                  | true
            sport/+/player1          | sport/tennis/player1                  | true
            # 4.7.2: topics beginning with $
            '#'                      | $SYS/broker/clients/connected         | false
            +/monitor/Clients        | $SYS/monitor/Clients                  | false
            $SYS/#                   | $SYS/monitor/Clients                  | true
            $SYS/monitor/+           | $SYS/monitor/Clients                  | true
            +                        | $SYS                                  | false
            # exact names, case, empty levels
            a/b                      | a/b                                   | true
            a/b                      | A/b                                   | false
            a/b                      | a/b/c                                 | false
            a/b/c                    | a/b                                   | false
            a//b                     | a//b                                  | true
            a/+/b                    | a//b                                  | true
            a/+                      | a/b/                                  | false
            a/#                      | a/b/                                  | true
            # shared and exclusive subscriptions match what their inner filter matches
            $share/group/sensors/+   | sensors/t1                            | true
            $share/group/sensors/+   | $share/group/sensors/t1               | false
            $queue/jobs/#            | jobs/7                                | true
            $exclusive/orders/#      | orders/new                            | true
            """)
    void matchesLikeTheSpecification(String filter, String topic, boolean expected) {
        assertThat(TopicFilter.of(filter).matches(topic)).isEqualTo(expected);
    }

    @Test
    void anInvalidFilterSaysWhichRuleFailed() {
        assertThatThrownBy(() -> TopicFilter.of("sport/tennis#")).hasMessageContaining("must stand alone");
        assertThatThrownBy(() -> TopicFilter.of("sport/#/ranking")).hasMessageContaining("# must be the last level");
        assertThatThrownBy(() -> TopicFilter.of("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TopicFilter.of("$share/g")).hasMessageContaining("$share/GROUP/filter");
    }

    @Test
    void knowsItsEffectiveFilter() {
        assertThat(TopicFilter.of("$share/g/a/+").effective()).isEqualTo("a/+");
        assertThat(TopicFilter.of("$share/g/a/+").hasWildcards()).isTrue();
        assertThat(TopicFilter.of("a/b").hasWildcards()).isFalse();
        assertThat(TopicFilter.of("a/b")).isEqualTo(TopicFilter.of("a/b"));
    }
}
