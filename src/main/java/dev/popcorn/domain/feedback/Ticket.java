package dev.popcorn.domain.feedback;

import dev.popcorn.domain.release.Feature;
import java.util.List;

/**
 * A ticket in the issue tracker as the weekly loop sees it: what it is called, where it stands,
 * and what places it in a team (project, components, labels). {@code done} is the tracker's own
 * "done" category, whatever the workflow calls its final status.
 */
public record Ticket(String key, String summary, String status, boolean done, String project,
        List<String> components, List<String> labels, List<String> fixVersions) {

    public Ticket {
        Feature.requireKey(key);
        summary = summary == null ? "" : summary;
        status = status == null ? "" : status;
        project = project == null ? "" : project;
        components = List.copyOf(components);
        labels = List.copyOf(labels);
        fixVersions = List.copyOf(fixVersions);
    }
}
