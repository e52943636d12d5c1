package dev.popcorn.domain.release;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.Text;

/**
 * The CI build a release shipped from: the job's full name, the build number and the build's
 * page. A job and number name one build, so a release opened for them is opened once however
 * often the build is reported.
 */
public record BuildRef(String job, int number, String url) {

    public BuildRef {
        Text.require(job, "build.job", 1, 255);
        if (number < 1) {
            throw RuleViolation.invalid("build.number", number);
        }
        url = url == null ? "" : url.strip();
        if (url.length() > 1000) {
            throw RuleViolation.invalid("build.url.long");
        }
        if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw RuleViolation.invalid("build.url.scheme", url);
        }
    }

    @Override
    public String toString() {
        return job + " #" + number;
    }
}
