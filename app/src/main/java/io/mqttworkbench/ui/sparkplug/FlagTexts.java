package io.mqttworkbench.ui.sparkplug;

import io.mqttworkbench.sparkplug.FlagDetail;
import io.mqttworkbench.ui.common.Texts;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A broken Sparkplug rule's detail in the window's language, from the values the network kept (the command line prints {@link FlagDetail#message()}). */
final class FlagTexts {
    private static final Pattern ALIAS = Pattern.compile("alias (\\d+)");

    private final Texts texts;

    FlagTexts(Texts texts) {
        this.texts = texts;
    }

    String detail(FlagDetail d) {
        String key = "domain.sparkplug.flag." + d.why().name().toLowerCase(Locale.ROOT);
        if (d.why() == FlagDetail.Why.SEQ_GAP) {
            key += d.third() == 1 ? ".one" : ".other";
        } else if (d.more() > 0) {
            key += ".more";
        }
        return texts.format(key, d.type().name(), d.first(), d.second(), d.third(), metrics(d), d.more(), d.birth().name(), d.error());
    }

    /** Metric names stay as written; a metric known only by its alias is named in the window's language. */
    private String metrics(FlagDetail d) {
        return String.join(texts.text("domain.sparkplug.separator"), d.metrics().stream().map(name -> {
            Matcher m = ALIAS.matcher(name);
            return m.matches() ? texts.format("domain.sparkplug.alias", m.group(1)) : name;
        }).toList());
    }
}
