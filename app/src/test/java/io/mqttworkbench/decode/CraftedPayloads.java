package io.mqttworkbench.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Payloads made to hurt a decoder (issue 15), by shape: expansions (a byte or two per element, so a few
 * megabytes make millions), deep chains (a byte per nesting level or tag) and length bombs (a length or
 * count that claims gigabytes, with a few bytes behind it).
 */
final class CraftedPayloads {
    private CraftedPayloads() {
    }

    /** @param compressed true when the payload inflates: it may allocate in proportion to what it inflates to */
    record Crafted(String name, byte[] payload, boolean compressed) {
    }

    /** Every shape at about {@code size} bytes. */
    static List<Crafted> all(int size) {
        List<Crafted> all = new ArrayList<>();
        // expansions
        all.add(plain("sparkplug empty metrics", repeat("1200", size)));
        all.add(plain("sparkplug data set rows", field("12", field("8a01", repeat("2200", size))))); // metric { dataset_value { rows } }
        all.add(plain("sparkplug property keys", field("12", field("4a", repeat("0a00", size))))); // metric { properties { keys } }
        // metric { datatype: Int8Array, bytes_value }
        all.add(plain("sparkplug int8 array", field("12", concat(hex("2016"), field("8201", new byte[size])))));
        all.add(plain("protobuf varint fields", repeat("0800", size)));
        all.add(plain("msgpack nils", concat(hex("dd7fffffff"), repeat("c0", size))));
        all.add(plain("msgpack counted nils", concat(hex("dd" + String.format("%08x", size)), repeat("c0", size))));
        all.add(plain("cbor nulls", concat(hex("9f"), repeat("f6", size), hex("ff"))));
        all.add(plain("cbor map of zeros", concat(hex("bf"), repeat("0000", size), hex("ff"))));
        all.add(plain("json zeros", concat(utf8("["), repeat(utf8("0,"), size), utf8("0]"))));
        all.add(plain("xml empty elements", concat(utf8("<r>"), repeat(utf8("<a/>"), size), utf8("</r>"))));
        // deep chains
        all.add(plain("cbor tags", repeat("c3", size)));
        all.add(plain("cbor tagged item", concat(repeat("d9d9f7", size), hex("01"))));
        all.add(plain("cbor arrays", concat(repeat("81", size), hex("00"))));
        all.add(plain("cbor indefinite arrays", concat(repeat("9f", size / 2), repeat("ff", size / 2))));
        all.add(plain("cbor maps", concat(repeat("a100", size / 2), hex("00"))));
        all.add(plain("msgpack arrays", concat(repeat("91", size), hex("c0"))));
        all.add(plain("msgpack maps", concat(repeat("81c0", size / 2), hex("c0"))));
        all.add(plain("json arrays", concat(repeat(utf8("["), size / 2), repeat(utf8("]"), size / 2))));
        all.add(plain("json objects", concat(repeat(utf8("{\"a\":"), size / 6), utf8("1"), repeat(utf8("}"), size / 6))));
        all.add(plain("json unclosed", repeat(utf8("["), size)));
        all.add(plain("xml elements", concat(repeat(utf8("<a>"), size / 7), repeat(utf8("</a>"), size / 7))));
        all.add(plain("xml entity expansion", utf8(laughs())));
        all.add(plain("protobuf messages", nested(size, "0a")));
        all.add(plain("sparkplug templates", nested(size, "12", "9201"))); // metric { template_value { metrics { template_value ...
        all.add(plain("base64 layers", base64(base64(base64(base64(repeat("c3", size / 4)))))));
        // length bombs
        for (String bomb : List.of("dbffffffff41", "c6ffffffff00", "c9ffffffff0100", "ddffffffffc0", "dfffffffff", "daffff41",
                "5bffffffffffffffff00", "7b00000000ffffffff41", "9bffffffffffffffff", "bb7fffffffffffffff", "7f7bffffffffffffffff",
                "0affffffff0f00", "0a80808080808080808001", "12ffffffff0700", "12808080800812")) {
            all.add(plain("length " + bomb, concat(hex(bomb), new byte[Math.min(size, 64)])));
        }
        return all;
    }

    /** Compressed bombs: each is built once, their size does not follow {@code size}. */
    static List<Crafted> compressed() {
        byte[] zeros = gzip(new byte[64 * 1024 * 1024]);
        List<Crafted> all = new ArrayList<>();
        all.add(new Crafted("gzip of 64 MB of zeros", zeros, true));
        all.add(new Crafted("zlib of 64 MB of zeros", zlib(new byte[64 * 1024 * 1024]), true));
        all.add(new Crafted("gzip of gzip of 64 MB of zeros", gzip(zeros), true));
        all.add(new Crafted("gzip of a JSON array of 8 million zeros", gzip(concat(utf8("["), repeat(utf8("0,"), 16 * 1024 * 1024), utf8("0]"))), true));
        all.add(new Crafted("gzip of a Sparkplug bomb", gzip(repeat("1200", 16 * 1024 * 1024)), true));
        all.add(new Crafted("base64 of gzip of zeros", base64(zeros), true));
        return all;
    }

    private static Crafted plain(String name, byte[] payload) {
        return new Crafted(name, payload, false);
    }

    /** A length-delimited field: its tag (hex), the length, the content. */
    private static byte[] field(String tagHex, byte[] content) {
        return concat(hex(tagHex), varint(content.length), content);
    }

    /** Fields within fields, with these tags in turn from the inside out, until about {@code size} bytes. */
    private static byte[] nested(int size, String... tags) {
        byte[] out = new byte[size + 32]; // written from the end, each level's header before the last
        int start = out.length;
        for (int level = 0; out.length - start < size; level++) {
            byte[] header = concat(hex(tags[level % tags.length]), varint(out.length - start));
            start -= header.length;
            System.arraycopy(header, 0, out, start, header.length);
        }
        return java.util.Arrays.copyOfRange(out, start, out.length);
    }

    private static String laughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]><lolz>&lol9;</lolz>").toString();
    }

    static byte[] repeat(String hex, int bytes) {
        return repeat(hex(hex), bytes);
    }

    static byte[] repeat(byte[] unit, int bytes) {
        byte[] out = new byte[Math.max(1, bytes / unit.length) * unit.length];
        for (int i = 0; i < out.length; i += unit.length) {
            System.arraycopy(unit, 0, out, i, unit.length);
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] varint(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
        return out.toByteArray();
    }

    private static byte[] base64(byte[] inner) {
        return java.util.Base64.getEncoder().encode(inner);
    }

    private static byte[] gzip(byte[] inner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(inner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] zlib(byte[] inner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(inner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
