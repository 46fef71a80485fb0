package io.mqttworkbench.ui.log;

import io.mqttworkbench.history.HistorySearch;
import io.mqttworkbench.message.MessageQuery;
import io.mqttworkbench.message.MessageStore;
import io.mqttworkbench.ui.common.SearchTexts;
import io.mqttworkbench.ui.common.Texts;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Which rows the log shows: a query's matches while one is in effect (searched in the background, with its
 * progress and its summary), otherwise every message, or every one but the copies when collapsing
 * duplicates. Split from {@link MessageLogViewModel}, which keeps the form, the counts, the caps and export.
 * JavaFX thread.
 */
final class LogFiltering {

    private final MessageStore store;
    private final ShownRows shown;
    private final LogPaging paging;
    private final LogSearch search;
    private final DuplicateCollapse collapse;
    private final BooleanSupplier following;
    private final Texts texts;
    private LogSearch.Found found;

    final ReadOnlyObjectWrapper<MessageQuery> applied = new ReadOnlyObjectWrapper<>(MessageQuery.ALL);
    final ReadOnlyStringWrapper queryProblem = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper querySummary = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    final ReadOnlyDoubleWrapper searchProgress = new ReadOnlyDoubleWrapper(-1);
    final ReadOnlyStringWrapper searchProgressText = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper filtered = new ReadOnlyBooleanWrapper();

    /** @param following whether the table follows the newest rows, which the matches shown keep doing */
    LogFiltering(MessageStore store, ShownRows shown, LogPaging paging, LogSearch search, DuplicateCollapse collapse,
                 BooleanSupplier following, Texts texts) {
        this.texts = texts;
        this.store = store;
        this.shown = shown;
        this.paging = paging;
        this.search = search;
        this.collapse = collapse;
        this.following = following;
    }

    /** Runs {@code query} in the background; an empty query shows every message again. */
    void apply(MessageQuery query) {
        String problem = query.issue().map(new SearchTexts(texts)::explain).orElse("");
        queryProblem.set(problem);
        if (!problem.isEmpty()) {
            return;
        }
        if (query.isEmpty()) {
            clear();
            return;
        }
        searching.set(true);
        searchProgress.set(-1);
        searchProgressText.set("");
        search.start(query, result -> {
            searching.set(false);
            found = result;
            paging.leaveStoredRows();
            shown.showMatches(result.rows(), following.getAsBoolean());
            filtered.set(true);
            applied.set(query);
            summarize();
        }, failure -> {
            searching.set(false);
            queryProblem.set(failure);
        });
    }

    /** Shows every message again. */
    void clear() {
        search.drop();
        found = null;
        searching.set(false);
        queryProblem.set("");
        querySummary.set("");
        filtered.set(false);
        applied.set(MessageQuery.ALL);
        paging.forget();
        showUnfiltered();
    }

    void cancel() {
        search.cancel();
    }

    /** The search on disk whose matches are shown, if {@code query} is the one in effect; null otherwise. */
    HistorySearch.Result storedMatches(MessageQuery query) {
        LogSearch.Found f = found;
        return f != null && f.stored() != null && f.query().equals(query) ? f.stored() : null;
    }

    /** Every message, or, collapsing duplicates, every message but the copies. Without a query only. */
    void showUnfiltered() {
        if (filtered.get()) {
            return; // the query's rows stay; clearing it comes back here
        }
        shown.showEverything();
        if (collapse.onProperty().get()) {
            shown.showMatches(collapse.rows(store), following.getAsBoolean());
        } else {
            collapse.stop();
        }
        querySummary.set(collapse.summary());
    }

    void summarize() {
        if (!filtered.get()) {
            querySummary.set(collapse.summary());
        } else if (shown.showingMatches()) {
            String onDisk = found == null ? null : search.summary(found, shown.matchCount());
            querySummary.set(onDisk != null ? onDisk : texts.format("log.search.matches", shown.matchCount(), store.size()));
        }
    }

    /** The running search's progress, for the frame. */
    void onFrame() {
        if (searching.get()) {
            searchProgress.set(search.progress());
            searchProgressText.set(search.progressText());
        }
    }
}
