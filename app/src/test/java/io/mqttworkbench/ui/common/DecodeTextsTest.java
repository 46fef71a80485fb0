package io.mqttworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttworkbench.decode.Decoded;
import io.mqttworkbench.decode.DecoderRegistry;
import io.mqttworkbench.decode.PayloadFormat;
import io.mqttworkbench.sparkplug.EdgeNodeMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The notes real decoders write, read in Chinese: no English phrase left, the figures and names kept; English untouched. */
class DecodeTextsTest {
    /** An English word the note must not keep; format names (JSON, Base64, gzip…) are names, not words. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(?!gzip\\b|zlib\\b)[a-z]{4,}\\b");
    private final DecoderRegistry decoders = new DecoderRegistry();
    private final DecodeTexts chinese = new DecodeTexts(Texts.simplifiedChinese());
    private final DecodeTexts english = new DecodeTexts(Texts.english());

    @Test
    void everyNoteADecoderWritesReadsInChinese() throws Exception {
        byte[] json = "{\"温度\":23.5,\"状态\":\"运行中\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(json);
        }
        Map<String, Decoded> notes = new LinkedHashMap<>();
        notes.put("json", decode(json, null));
        notes.put("gzip", decode(zipped.toByteArray(), null));
        notes.put("base64", decode(Base64.getEncoder().encode(json), PayloadFormat.BASE64));
        notes.put("empty", decode(new byte[0], PayloadFormat.TEXT));
        notes.put("bad utf-8", decode(new byte[] {'a', (byte) 0xC3, 'b', (byte) 0xFF}, PayloadFormat.TEXT));
        notes.put("hex", decode(new byte[] {1, 2, 3}, PayloadFormat.HEX));
        notes.put("xml", decode("<a><b>一</b></a>".getBytes(StandardCharsets.UTF_8), PayloadFormat.XML));
        notes.put("protobuf", decode(new byte[] {0x08, (byte) 0x96, 0x01}, PayloadFormat.PROTOBUF));
        notes.put("sparkplug", decoders.decode(new EdgeNodeMessages("plant", "edge1", 0).nbirthPayload(), "spBv1.0/plant/NBIRTH/edge1", Optional.empty(), 100_000));
        notes.put("not json", decode("温度 23.5".getBytes(StandardCharsets.UTF_8), PayloadFormat.JSON));
        for (Map.Entry<String, Decoded> e : notes.entrySet()) {
            String note = e.getValue().note();
            assertThat(note).as(e.getKey()).isNotEmpty();
            assertThat(chinese.of(note)).as("%s: %s", e.getKey(), note).doesNotContainPattern(ENGLISH);
            assertThat(english.of(note)).isEqualTo(note);
        }
        assertThat(chinese.of(notes.get("json").note())).isEqualTo("36 B，已格式化");
        assertThat(chinese.of(notes.get("gzip").note())).matches("gzip，\\d+ B 解压为 36 B；其内为 JSON，36 B，已格式化");
        assertThat(chinese.of(notes.get("bad utf-8").note())).isEqualTo("4 B，2 个非 UTF-8 字节显示为 \\xNN");
        assertThat(chinese.of(notes.get("not json").error())).startsWith("不是 JSON：");
    }

    private Decoded decode(byte[] payload, PayloadFormat format) {
        return decoders.decode(payload, "t", Optional.ofNullable(format), 100_000);
    }
}
