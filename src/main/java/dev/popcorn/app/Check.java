package dev.popcorn.app;

import java.util.List;

/** One line of a connection check (Jira, the forum): a message code, whether it passed, and what to show with it. */
public record Check(String code, boolean ok, List<String> args) {
}
