package io.mqttworkbench.profile;

import java.util.List;

/**
 * Profiles read from another tool's file, and what could not be carried over, one sentence per point,
 * each naming the connection it concerns, so the user can finish the job by hand.
 */
public record ImportResult(List<Profile> profiles, List<String> notes) {

    public ImportResult {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
