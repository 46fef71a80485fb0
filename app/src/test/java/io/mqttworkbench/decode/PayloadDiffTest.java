package io.mqttworkbench.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.PayloadDiff.Change;
import io.mqttworkbench.decode.PayloadDiff.Line;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadDiffTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonIsComparedFieldByField() {
        PayloadDiff.Result diff = PayloadDiff.between(
                utf8("{\"temp\": 21.5, \"unit\": \"C\", \"status\": {\"ok\": true, \"code\": 0}, \"old\": 1}"),
                utf8("{\"unit\":\"C\",\"temp\":22.0,\"status\":{\"ok\":false,\"code\":0},\"tags\":[\"a\"]}"));

        assertThat(diff.kind()).isEqualTo("JSON");
        assertThat(diff.changed()).isEqualTo(2);
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.summary()).isEqualTo("2 fields changed, 1 added, 1 removed");
        assertThat(diff.lines()).extracting(Line::text).containsExactly(
                "{",
                "  \"unit\": \"C\",",
                "  \"temp\": 22.0,",
                "  \"status\": {",
                "    \"ok\": false,",
                "    \"code\": 0",
                "  },",
                "  \"tags\": [",
                "    \"a\"",
                "  ],",
                "  \"old\": 1",
                "}");
        assertThat(diff.lines()).extracting(Line::change).containsExactly(Change.SAME, Change.SAME, Change.CHANGED, Change.SAME,
                Change.CHANGED, Change.SAME, Change.SAME, Change.ADDED, Change.ADDED, Change.ADDED, Change.REMOVED, Change.SAME);
        assertThat(diff.lines().get(2).was()).isEqualTo("21.5");
        assertThat(diff.lines().get(4).was()).isEqualTo("true");
    }

    @Test
    void arraysAreComparedByPositionAndTypeChangesShowBothSides() {
        PayloadDiff.Result diff = PayloadDiff.between(utf8("{\"v\":[1,2,3],\"x\":5}"), utf8("{\"v\":[1,9],\"x\":{\"y\":5}}"));
        assertThat(diff.changed()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(2); // the 3, and x's old number
        assertThat(diff.added()).isEqualTo(1);   // x.y
        assertThat(diff.lines()).filteredOn(l -> l.change() == Change.REMOVED).extracting(Line::text)
                .containsExactly("    3", "  \"x\": 5,");
    }

    @Test
    void identicalDocumentsSaySo() {
        assertThat(PayloadDiff.between(utf8("{\"a\":1}"), utf8("{ \"a\" : 1 }")).summary()).isEqualTo("Identical");
        assertThat(PayloadDiff.between(utf8("{\"a\":1}"), utf8("{ \"a\" : 1 }")).identical()).isTrue();
    }

    @Test
    void otherTextIsComparedLineByLine() {
        PayloadDiff.Result diff = PayloadDiff.between(utf8("line one\nline two\nline three"), utf8("line one\nline 2\nline three\nline four"));
        assertThat(diff.kind()).isEqualTo("text");
        assertThat(diff.lines()).extracting(l -> l.change() + " " + l.text()).containsExactly(
                "SAME line one", "REMOVED line two", "ADDED line 2", "SAME line three", "ADDED line four");
        assertThat(diff.summary()).isEqualTo("1 line removed, 2 lines added");
    }

    @Test
    void binaryIsComparedByItsHexDump() {
        PayloadDiff.Result diff = PayloadDiff.between(new byte[] {0, 1, 2, (byte) 0xff}, new byte[] {0, 1, 3, (byte) 0xff});
        assertThat(diff.kind()).isEqualTo("binary");
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
    }

    @Test
    void hugePayloadsAreNotCompared() {
        PayloadDiff.Result diff = PayloadDiff.between(new byte[PayloadDiff.MAX_BYTES + 1], new byte[1]);
        assertThat(diff.lines()).isEmpty();
        assertThat(diff.summary()).startsWith("Too large to compare");
    }
}
