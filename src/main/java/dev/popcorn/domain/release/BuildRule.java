package dev.popcorn.domain.release;

import dev.popcorn.domain.RuleViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which builds open a release, and how: the release jobs (names, {@code *} for any part), the
 * branch, the phase and the results that count, where the version is read (a build parameter or
 * the branch name) and where the features come from (the release query, a query template, the
 * keys in the build notes or in a parameter). Every other build is acknowledged and ignored.
 */
public record BuildRule(List<String> jobs, String branch, String phase, Set<String> statuses, String version,
        String features) {

    /** The phases the Jenkins Notification plugin reports. */
    public static final List<String> PHASES = List.of("QUEUED", "STARTED", "COMPLETED", "FINALIZED");
    /** The results a Jenkins build ends with. */
    public static final List<String> RESULTS = List.of("SUCCESS", "UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(version|param:([A-Za-z_][A-Za-z0-9_.-]*))}");

    /** What to do with a build. */
    public sealed interface Decision {
    }

    /** Not a release build; {@code code} and {@code args} say why, for the log. */
    public record Ignore(String code, List<Object> args) implements Decision {
    }

    /** Open the release {@code version} with the features from {@code source}. */
    public record Open(String version, FeatureSource source) implements Decision {
    }

    public BuildRule {
        jobs = jobs.stream().map(String::strip).filter(j -> !j.isEmpty()).toList();
        branch = branch == null ? "" : branch.strip();
        phase = phase.strip().toUpperCase(Locale.ROOT);
        if (!PHASES.contains(phase)) {
            throw RuleViolation.invalid("buildRule.phase", phase, String.join(", ", PHASES));
        }
        statuses = Set.copyOf(statuses);
        for (String status : statuses) {
            if (!RESULTS.contains(status)) {
                throw RuleViolation.invalid("buildRule.status", status, String.join(", ", RESULTS));
            }
        }
        if (!(version.equals("branch") || version.startsWith("branch:") || version.startsWith("parameter:"))) {
            throw RuleViolation.invalid("buildRule.version", version);
        }
        if (version.startsWith("branch:")) {
            Pattern pattern = compile(version.substring("branch:".length()));
            if (pattern.matcher("").groupCount() != 1) {
                throw RuleViolation.invalid("buildRule.version.group", version);
            }
        }
        if (!(features.equals("release-jql") || features.equals("notes") || features.startsWith("jql:")
                || features.startsWith("parameter:"))) {
            throw RuleViolation.invalid("buildRule.features", features);
        }
        if (version.equals("parameter:") || features.equals("parameter:") || features.equals("jql:")) {
            throw RuleViolation.invalid("buildRule.empty", version.equals("parameter:") ? version : features);
        }
    }

    /** A rule from its configuration texts: jobs and statuses comma separated. */
    public static BuildRule parse(String jobs, String branch, String phase, String statuses, String version,
            String features) {
        Set<String> results = new LinkedHashSet<>();
        for (String status : statuses.split(",")) {
            if (!status.isBlank()) {
                results.add(status.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (results.isEmpty()) {
            throw RuleViolation.invalid("buildRule.status", statuses, String.join(", ", RESULTS));
        }
        return new BuildRule(List.of(jobs.split(",")), branch, phase, results, version.strip(), features.strip());
    }

    /** True when no job is named: every build is ignored. */
    public boolean off() {
        return jobs.isEmpty();
    }

    /** Whether this build opens a release, and which. */
    public Decision judge(BuildNotice notice) {
        String job = notice.build().job();
        if (jobs.stream().noneMatch(glob -> glob(glob).matcher(job).matches())) {
            return new Ignore("build.ignored.job", List.of(job));
        }
        if (!branch.isEmpty() && !glob(branch).matcher(notice.branch()).matches()) {
            return new Ignore("build.ignored.branch", List.of(notice.branch(), branch));
        }
        if (!notice.phase().equalsIgnoreCase(phase)) {
            return new Ignore("build.ignored.phase", List.of(notice.phase(), phase));
        }
        if (!statuses.contains(notice.status().toUpperCase(Locale.ROOT))) {
            return new Ignore("build.ignored.status", List.of(notice.status().isEmpty() ? "-" : notice.status(),
                    String.join(", ", statuses)));
        }
        String releaseVersion = versionOf(notice);
        return new Open(releaseVersion, featuresOf(notice, releaseVersion));
    }

    private String versionOf(BuildNotice notice) {
        String found;
        if (version.startsWith("parameter:")) {
            found = notice.parameters().get(version.substring("parameter:".length()));
        } else if (version.equals("branch")) {
            found = notice.branch().substring(notice.branch().lastIndexOf('/') + 1);
        } else {
            Matcher matcher = compile(version.substring("branch:".length())).matcher(notice.branch());
            found = matcher.find() ? matcher.group(1) : null;
        }
        if (found == null || found.isBlank()) {
            throw RuleViolation.invalid("build.version.missing", version, notice.build());
        }
        return found.strip();
    }

    private FeatureSource featuresOf(BuildNotice notice, String releaseVersion) {
        if (features.equals("release-jql")) {
            return new FeatureSource.ReleaseQuery();
        }
        if (features.equals("notes")) {
            return new FeatureSource.Mentions(List.of(notice.notes()));
        }
        if (features.startsWith("parameter:")) {
            String name = features.substring("parameter:".length());
            String value = notice.parameters().get(name);
            if (value == null || value.isBlank()) {
                throw RuleViolation.invalid("build.parameter.missing", name, notice.build());
            }
            return new FeatureSource.Mentions(List.of(value));
        }
        Matcher matcher = PLACEHOLDER.matcher(features.substring("jql:".length()));
        StringBuilder query = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (matcher.find()) {
            String value = matcher.group(2) == null ? releaseVersion : notice.parameters().get(matcher.group(2));
            if (value == null) {
                missing.add(matcher.group(2));
                value = "";
            }
            // Values go inside the template's quotes: a quote or backslash in them cannot end the string.
            matcher.appendReplacement(query,
                    Matcher.quoteReplacement(value.replace("\\", "\\\\").replace("\"", "\\\"")));
        }
        matcher.appendTail(query);
        if (!missing.isEmpty()) {
            throw RuleViolation.invalid("build.parameter.missing", String.join(", ", missing), notice.build());
        }
        return new FeatureSource.Query(query.toString());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw RuleViolation.invalid("buildRule.version.regex", regex);
        }
    }

    @Override
    public String toString() {
        return "job=" + String.join(",", jobs) + (branch.isEmpty() ? "" : " branch=" + branch) + " phase=" + phase
                + " status=" + String.join(",", statuses.stream().sorted().toList()) + " version=" + version
                + " features=" + features;
    }
}
