package io.mqttworkbench.ui.profile;

import io.mqttworkbench.profile.CheckProblem.Quantity;
import io.mqttworkbench.profile.FieldCheck;
import io.mqttworkbench.profile.HistorySettings;
import io.mqttworkbench.profile.ProfileChecks;
import io.mqttworkbench.ui.common.CheckTexts;
import io.mqttworkbench.ui.common.CheckedField;
import io.mqttworkbench.ui.common.Texts;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The profile editor's "Message history" section: whether received messages are kept on disk, for how long
 * (days or hours) and up to what size (MiB or GiB). The limits are only checked while messages are kept:
 * a switched-off history must not stop the user saving over a half-typed number.
 */
final class HistoryEditor {

    enum AgeUnit {
        DAYS(Quantity.AGE_DAYS, "profile.history.days", 24), HOURS(Quantity.AGE_HOURS, "profile.history.hours", 1);

        /** The field as the checks' sentences name it; {@link #key} is what the unit choice shows. */
        final Quantity limit;
        final String key;
        final long hours;

        AgeUnit(Quantity limit, String key, long hours) {
            this.limit = limit;
            this.key = key;
            this.hours = hours;
        }
    }

    enum SizeUnit {
        MIB("MiB", Quantity.SIZE_MIB, HistorySettings.MIB), GIB("GiB", Quantity.SIZE_GIB, HistorySettings.GIB);

        final String label;
        final Quantity limit;
        final long bytes;

        SizeUnit(String label, Quantity limit, long bytes) {
            this.label = label;
            this.limit = limit;
            this.bytes = bytes;
        }
    }

    private final HistorySettings original;
    final BooleanProperty keepOnDisk = new SimpleBooleanProperty();
    final ObjectProperty<AgeUnit> ageUnit = new SimpleObjectProperty<>(AgeUnit.DAYS);
    final ObjectProperty<SizeUnit> sizeUnit = new SimpleObjectProperty<>(SizeUnit.GIB);
    final CheckedField maxAge;
    final CheckedField maxSize;
    private final BooleanBinding hasErrors;
    private final Texts texts;
    private final CheckTexts checks;

    HistoryEditor(HistorySettings settings, Texts texts) {
        this.original = settings;
        this.texts = texts;
        this.checks = new CheckTexts(texts);
        keepOnDisk.set(settings.keepOnDisk());
        long hours = settings.maxAge().toHours();
        ageUnit.set(hours % 24 == 0 ? AgeUnit.DAYS : AgeUnit.HOURS);
        long mib = settings.maxBytes() / HistorySettings.MIB;
        sizeUnit.set(mib % 1024 == 0 ? SizeUnit.GIB : SizeUnit.MIB);
        maxAge = new CheckedField(Long.toString(hours / ageUnit.get().hours), this::checkAge, ageUnit, keepOnDisk);
        maxSize = new CheckedField(Long.toString(settings.maxBytes() / sizeUnit.get().bytes), this::checkSize, sizeUnit, keepOnDisk);
        hasErrors = Bindings.createBooleanBinding(() -> maxAge.blocksSaving() || maxSize.blocksSaving(),
                maxAge.checkProperty(), maxSize.checkProperty());
    }

    private FieldCheck checkAge(String text) {
        if (!keepOnDisk.get()) {
            return FieldCheck.OK;
        }
        AgeUnit unit = ageUnit.get();
        return checks.explain(ProfileChecks.wholeNumber(text, 1, HistorySettings.MAX_AGE.toHours() / unit.hours, unit.limit));
    }

    private FieldCheck checkSize(String text) {
        if (!keepOnDisk.get()) {
            return FieldCheck.OK;
        }
        SizeUnit unit = sizeUnit.get();
        FieldCheck check = checks.explain(ProfileChecks.wholeNumber(text, 1, HistorySettings.MAX_BYTES / unit.bytes, unit.limit));
        if (check.blocksSaving() || Long.parseLong(text.strip()) * unit.bytes >= 64 * HistorySettings.MIB) {
            return check;
        }
        return FieldCheck.warning(texts.text("profile.history.small"));
    }

    BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    /** The settings as edited; a switched-off history keeps its last valid limits for when it is switched on again. */
    HistorySettings build() {
        try {
            return new HistorySettings(keepOnDisk.get(), Duration.ofHours(Math.multiplyExact(Long.parseLong(maxAge.trimmed()), ageUnit.get().hours)),
                    Math.multiplyExact(Long.parseLong(maxSize.trimmed()), sizeUnit.get().bytes));
        } catch (RuntimeException e) {
            // only while the history is off: the checks hold the limits valid otherwise
            return original.withKeepOnDisk(keepOnDisk.get());
        }
    }
}
