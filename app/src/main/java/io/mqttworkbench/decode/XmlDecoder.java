package io.mqttworkbench.decode;

import java.util.Arrays;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML, checked for well-formedness and indented while it is read (StAX, no tree, no recursion). DTDs and
 * external entities are never fetched or expanded: a payload cannot make the workbench read files or
 * the network.
 */
final class XmlDecoder implements PayloadDecoder {
    private static final String SPACES = " ".repeat(2 * StructuredText.MAX_INDENT);

    private final XMLInputFactory factory;

    XmlDecoder() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Problems become the exception we report; without a reporter the JDK's parser also prints each
        // one to standard error.
        factory.setXMLReporter((message, type, related, location) -> { });
    }

    @Override
    public PayloadFormat format() {
        return PayloadFormat.XML;
    }

    @Override
    public int score(byte[] payload, String topic) {
        int i = JsonDecoder.firstNonSpace(payload);
        if (i + 1 >= payload.length || payload[i] != '<') {
            return 0;
        }
        return payload[i + 1] == '?' || payload[i + 1] == '!' ? 95 : Character.isLetter(payload[i + 1]) || payload[i + 1] == '_' ? 80 : 0;
    }

    @Override
    public Decoded decode(DecodeRequest request) throws XMLStreamException {
        BoundedText out = request.text();
        XMLStreamReader xml;
        java.io.Reader text = reader(request.payload());
        synchronized (factory) {
            xml = factory.createXMLStreamReader(text);
        }
        try {
            write(xml, out);
        } finally {
            xml.close();
        }
        String note = Sizes.bytes(request.payload().length) + (out.firstPartOnly() ? ", showing the first part" : ", indented");
        return Decoded.of(PayloadFormat.XML, out, Syntax.XML, note);
    }

    private static final java.util.regex.Pattern DECLARED = java.util.regex.Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /**
     * The characters, decoded here rather than by the parser (which prints every encoding error to
     * standard error): UTF-16 by its byte order mark, the encoding the declaration names, else UTF-8.
     * Bytes that are not valid in that encoding stop decoding with a clear reason.
     */
    static java.io.Reader reader(byte[] payload) throws XMLStreamException {
        java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
        if (payload.length >= 2 && ((payload[0] & 0xFF) == 0xFE && (payload[1] & 0xFF) == 0xFF || (payload[0] & 0xFF) == 0xFF && (payload[1] & 0xFF) == 0xFE)) {
            charset = java.nio.charset.StandardCharsets.UTF_16;
        } else {
            String head = new String(payload, 0, Math.min(payload.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher declared = DECLARED.matcher(head);
            if (declared.find()) {
                try {
                    charset = java.nio.charset.Charset.forName(declared.group(1));
                } catch (IllegalArgumentException unknown) {
                    throw new XMLStreamException("unknown encoding " + declared.group(1));
                }
            }
        }
        try {
            return new java.io.StringReader(charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(payload)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new XMLStreamException("not " + charset.name() + " text");
        }
    }

    private static void write(XMLStreamReader xml, BoundedText out) throws XMLStreamException {
        new Printer(xml, out).print();
    }

    /**
     * Writes the events indented. Elements nested deeper than {@link StructuredText#MAX_DEPTH} levels are
     * read but not shown: a comment in their place says so. (Newer JDKs refuse XML nested more than 100
     * levels deep anyway; Java 21's parser does not.)
     */
    private static final class Printer {
        private final XMLStreamReader xml;
        private final BoundedText out;
        private int depth;
        private boolean[] hasChildren = new boolean[16];
        private boolean startOpen; // "<a" written, ">" not yet
        private boolean textInline;
        private boolean anyElement;
        /** Nothing is written while {@code depth >= hiddenFrom}. */
        private int hiddenFrom = Integer.MAX_VALUE;

        Printer(XMLStreamReader xml, BoundedText out) {
            this.xml = xml;
            this.out = out;
        }

        void print() throws XMLStreamException {
            while (xml.hasNext() && !out.full()) {
                int event = xml.next();
                out.tick();
                if (depth >= hiddenFrom) {
                    hidden(event);
                    continue;
                }
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        String text = xml.getText().strip();
                        if (text.isEmpty() || depth == 0) {
                            continue;
                        }
                        if (startOpen) {
                            out.append('>');
                            startOpen = false;
                            textInline = !hasChildren[depth - 1];
                        }
                        if (!textInline) {
                            newline(out, depth, true);
                        }
                        out.append(event == XMLStreamConstants.CDATA ? "<![CDATA[" + text + "]]>" : escapeText(text));
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        end(qualified(xml.getPrefix(), xml.getLocalName()));
                    }
                    case XMLStreamConstants.COMMENT -> comment(depth, xml.getText());
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        newline(out, depth, anyElement);
                        anyElement = true;
                        out.append("<?").append(xml.getPITarget()).append(' ').append(xml.getPIData()).append("?>");
                    }
                    default -> {
                        // document start/end, DTD (not processed), entity references: nothing to show
                    }
                }
            }
        }

        private void start() {
            if (depth == StructuredText.MAX_DEPTH) {
                hasChildren[depth - 1] = true;
                comment(depth, StructuredText.ELLIPSIS + " nested deeper than " + StructuredText.MAX_DEPTH + " levels, not shown ");
                depth++;
                hiddenFrom = depth;
                return;
            }
            if (startOpen) {
                out.append('>');
            }
            if (depth > 0) {
                hasChildren[depth - 1] = true;
            }
            newline(out, depth, anyElement);
            anyElement = true;
            out.append('<').append(qualified(xml.getPrefix(), xml.getLocalName()));
            for (int i = 0; i < xml.getNamespaceCount(); i++) {
                String prefix = xml.getNamespacePrefix(i);
                out.append(prefix == null || prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix);
                out.append("=\"").append(escape(xml.getNamespaceURI(i))).append('"');
            }
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                out.append(' ').append(qualified(xml.getAttributePrefix(i), xml.getAttributeLocalName(i)));
                out.append("=\"").append(escape(xml.getAttributeValue(i))).append('"');
            }
            if (depth == hasChildren.length) {
                hasChildren = Arrays.copyOf(hasChildren, depth * 2);
            }
            hasChildren[depth] = false;
            depth++;
            startOpen = true;
            textInline = false;
        }

        /** Inside what is not shown: only the depth is followed; the comment stands for the element. */
        private void hidden(int event) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT && --depth < hiddenFrom) {
                hiddenFrom = Integer.MAX_VALUE;
            }
        }

        private void end(String name) {
            if (startOpen) {
                out.append("/>");
                startOpen = false;
            } else {
                if (!textInline || hasChildren[depth]) {
                    newline(out, depth, true);
                }
                out.append("</").append(name).append('>');
            }
            textInline = false;
        }

        private void comment(int level, String text) {
            if (startOpen) {
                out.append('>');
                startOpen = false;
            }
            newline(out, level, anyElement);
            anyElement = true;
            out.append("<!--").append(text).append("-->");
        }
    }

    private static void newline(BoundedText out, int depth, boolean notFirst) {
        if (notFirst) {
            out.append('\n');
        }
        out.append(SPACES.subSequence(0, 2 * Math.min(depth, StructuredText.MAX_INDENT)));
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String escape(String value) {
        return escapeText(value).replace("\"", "&quot;");
    }

    private static String escapeText(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
