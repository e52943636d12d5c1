package dev.popcorn.web.common;

import dev.popcorn.app.participation.LeaderboardStore;
import dev.popcorn.app.release.OpenRelease;
import dev.popcorn.domain.AuditEntry;
import dev.popcorn.domain.award.Candidate;
import dev.popcorn.domain.award.Poll;
import dev.popcorn.domain.release.Feature;
import dev.popcorn.domain.team.Team;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page templates (Pebble, in {@code templates/}), with HTML escaping on for every value,
 * a {@code t(key, args…)} function for texts in the page's language, a {@code when} filter
 * that shows an instant in the week's time zone and a {@code local} filter for a feature's, candidate's or poll's title.
 */
public final class Templates {

    private final PebbleEngine engine;

    public Templates(ZoneId zone) {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder()
                .loader(loader)
                .extension(new PopcornExtension(zone))
                .strictVariables(false)
                .build();
    }

    public String render(String name, Map<String, Object> model, Locale locale) {
        StringWriter writer = new StringWriter();
        try {
            engine.getTemplate(name).evaluate(writer, model, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }

    private static final class PopcornExtension extends AbstractExtension {
        private final ZoneId zone;

        PopcornExtension(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("t", new Translate());
        }

        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("when", new When(zone), "local", new Local(),
                    "audit", new Audit(zone));
        }
    }

    /** {@code t('key', arg0, arg1…)}: the text in the page's language. */
    private static final class Translate implements Function {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String key = String.valueOf(args.get("0"));
            List<Object> rest = new ArrayList<>();
            for (int i = 1; args.containsKey(String.valueOf(i)); i++) {
                rest.add(args.get(String.valueOf(i)));
            }
            return Messages.text(context.getLocale(), key, rest.toArray());
        }
    }

    /** A date and time as the {@code when} filter writes it in {@code locale}: for texts written outside a page (forum messages). */
    public static String when(Instant instant, ZoneId zone, Locale locale) {
        return When.format(instant, zone, locale);
    }

    /**
     * {@code instant | when}: date and time in the week's zone, in the page's language, with the zone as its
     * readers call it: 北京时间 / Beijing time for China's zone, else the zone's own name in the language.
     */
    private static final class When implements Filter {
        /** The ids China's time goes by (tz aliases of Asia/Shanghai). */
        private static final java.util.Set<String> BEIJING = java.util.Set.of("Asia/Shanghai", "Asia/Chongqing",
                "Asia/Chungking", "Asia/Harbin", "PRC");
        private final ZoneId zone;

        When(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            if (!(input instanceof Instant instant)) {
                return "";
            }
            return format(instant, zone, context.getLocale());
        }

        static String format(Instant instant, ZoneId zone, Locale locale) {
            String pattern = Messages.supported(locale) == Messages.CHINESE ? "M月d日 EEE HH:mm" : "EEE d MMM, HH:mm";
            boolean chinese = Messages.supported(locale) == Messages.CHINESE;
            String time = DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(instant);
            return chinese ? time + "（" + zoneName(zone, locale) + "）" : time + " (" + zoneName(zone, locale) + ")";
        }

        static String zoneName(ZoneId zone, Locale locale) {
            if (BEIJING.contains(zone.getId())) {
                return Messages.text(locale, "time.beijing");
            }
            return zone.getDisplayName(java.time.format.TextStyle.FULL, locale);
        }
    }

    /** {@code entry | audit('action')}, {@code | audit('subject')}, {@code | audit('detail')}: see {@link AuditText}. */
    private static final class Audit implements Filter {
        private final ZoneId zone;

        Audit(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("part");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            if (!(input instanceof AuditEntry entry)) {
                return "";
            }
            return switch (String.valueOf(args.get("part"))) {
                case "action" -> AuditText.action(entry, context.getLocale());
                case "subject" -> AuditText.subject(entry, context.getLocale());
                default -> AuditText.detail(entry, context.getLocale(),
                        instant -> When.format(instant, zone, context.getLocale()));
            };
        }
    }

    /**
     * {@code feature | local}, {@code candidate | local}: its title in the page's language (Chinese where it has one);
     * {@code candidate | local('pitch')} its pitch so; {@code team | local} (a team, a line of the teams' board): its
     * name so; {@code poll | local}: the award's name in the page's language, a title written otherwise as written.
     */
    private static final class Local implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            if (input instanceof Feature feature) {
                return feature.summaryFor(context.getLocale());
            }
            if (input instanceof Candidate candidate) {
                return switch (String.valueOf(args.get("0"))) {
                    case "pitch" -> candidate.pitchFor(context.getLocale());
                    case "reason" -> candidate.reasonFor(context.getLocale());
                    default -> candidate.titleFor(context.getLocale());
                };
            }
            if (input instanceof Team team) {
                return team.nameFor(context.getLocale());
            }
            if (input instanceof LeaderboardStore.TeamLine board) {
                return new Team(board.slug(), board.name(), board.nameZh(), List.of()).nameFor(context.getLocale());
            }
            if (input instanceof Poll poll) {
                return poll.title().startsWith(OpenRelease.POLL_TITLE)
                        ? Messages.text(context.getLocale(), "poll.title.award",
                                poll.title().substring(OpenRelease.POLL_TITLE.length()))
                        : poll.title();
            }
            return input == null ? "" : input.toString();
        }
    }
}
