package dev.popcorn.app.release;

import dev.popcorn.domain.release.BuildNotice;

/**
 * Reads what the CI server sent into a notice. The raw text is what the build log keeps, so a
 * failed notice is read again from it when a lead retries.
 */
@FunctionalInterface
public interface NoticeReader {

    /** The notice in {@code body}; a body that is not one is refused with a violation naming what is wrong. */
    BuildNotice read(String body);
}
