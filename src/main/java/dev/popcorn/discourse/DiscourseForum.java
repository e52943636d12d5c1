package dev.popcorn.discourse;

import com.google.gson.JsonObject;
import dev.popcorn.app.Announcement;
import dev.popcorn.app.Check;
import dev.popcorn.app.DeliveryFailure;
import dev.popcorn.app.forum.Forum;
import dev.popcorn.config.DiscourseConfig;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forum port on Discourse. Every thread is created with its key as the topic's
 * {@code external_id}, and looked up by it before it is created, so a delivery repeated after a
 * crash edits or leaves the thread instead of posting a second one. The announcement's card and
 * the members' photos it shows are uploaded and embedded by their {@code upload://} short URLs.
 */
public final class DiscourseForum implements Forum {

    /** {@code ![alt](destination)} with a destination in which Markdown escapes may appear. */
    private static final Pattern IMAGE = Pattern.compile("!\\[((?:\\\\.|[^\\]\\\\])*)]\\(((?:\\\\.|[^)\\\\\\s])+)\\)");
    /** A PNG of one transparent pixel: what {@code popcorn check} uploads to see that uploads work. */
    private static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=");
    private static final String EDIT_REASON = "Popcorn: the week moved on";
    /** The end of a thread's text naming the database that writes it (ADR 0032). */
    private static final Pattern DATABASE_MARK = Pattern.compile("<!-- popcorn-database: ([0-9a-f-]{36}) -->");

    /** The advice shown beside a topic the forum refused for its title (message code). */
    public static final String TITLE_TAKEN = "outbox.advice.forumTitleTaken";

    private final DiscourseClient client;
    private final DiscourseConfig config;

    public DiscourseForum(DiscourseClient client, DiscourseConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public boolean enabled() {
        return config.posting();
    }

    @Override
    public Posted publish(Thread thread, Optional<Posted> known) {
        return delivering(() -> {
            // A topic this database does not remember is edited only when it is this database's own.
            Optional<Posted> existing = known.or(() -> find(thread.key()).map(found -> owned(found, thread)));
            if (existing.isPresent()) {
                client.editPost(existing.get().postId(), marked(thread), EDIT_REASON);
                return existing.get();
            }
            Optional<Posted> created = createTopic(thread.title(), marked(thread), thread.key());
            if (created.isEmpty()) {
                // Its key was taken a moment ago (an attempt whose answer was lost): brought up to date if it is ours.
                Posted ours = owned(find(thread.key()).orElseThrow(), thread);
                client.editPost(ours.postId(), marked(thread), EDIT_REASON);
                return ours;
            }
            return created.get();
        });
    }

    @Override
    public Posted announceWinners(String key, Announcement announcement) {
        return delivering(() -> {
            Optional<Posted> existing = find(key);
            if (existing.isPresent()) {
                return existing.get();
            }
            // Uploading the same file twice gives the same upload, so a repeat after a crash costs nothing on the forum.
            DiscourseClient.Upload card = client.upload("popcorn-award-" + announcement.pollId() + ".png",
                    announcement.card(),
                    "image/png");
            String text = "![Popcorn Award|" + card.width() + "x" + card.height() + "](" + card.shortUrl() + ")\n\n"
                    + embedPhotos(announcement);
            return createTopic(announcement.title(), text, key).orElseGet(() -> find(key).orElseThrow());
        });
    }

    /** The thread's text with the mark of the database that writes it, which readers of the forum do not see. */
    private static String marked(Thread thread) {
        return thread.database().isEmpty() ? thread.text()
                : thread.text() + "\n\n<!-- popcorn-database: " + thread.database() + " -->";
    }

    /**
     * {@code found} under the thread's key, unless its first post carries another database's mark: then it is
     * another Popcorn's topic of the same installation id (a reinstall with a fresh data folder), left as it is.
     * A topic without a mark was posted before databases were named, and is taken as this one's.
     */
    private Posted owned(Posted found, Thread thread) {
        if (thread.database().isEmpty()) {
            return found;
        }
        Matcher mark = DATABASE_MARK.matcher(client.postRaw(found.postId()));
        if (mark.find() && !mark.group(1).equals(thread.database())) {
            throw new DeliveryFailure(
                    "the forum topic " + found.url() + " (" + thread.key() + ") was written by another"
                            + " Popcorn database (" + mark.group(1)
                            + "): nothing was written over it. A reinstall or a staging"
                            + " copy needs a server.installation-id of its own",
                    false, null, null, DeliveryFailure.ANOTHER_DATABASE);
        }
        return found;
    }

    /**
     * Starts a topic under this installation's title; empty when the forum says it has this installation's topic
     * already (its external id taken: an attempt whose answer was lost). A title another topic already has (the forum
     * refuses two of one title by default: a second installation on the same forum, or a person's topic) is a
     * refusal no retry fixes, with advice on what to configure.
     */
    private Optional<Posted> createTopic(String title, String text, String key) {
        String titled = config.topicTitle(title);
        try {
            return Optional.of(posted(client.createTopic(titled, text, config.categoryId(), key)));
        } catch (DiscourseException e) {
            if (e.status() != 422) {
                throw e;
            }
            if (find(key).isPresent()) {
                return Optional.empty();
            }
            if (e.errors().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("title") || m.contains("标题"))) {
                throw new DeliveryFailure(
                        "the forum refused the topic \"" + titled + "\": " + String.join("; ", e.errors())
                                + ". Another topic has this title, likely another installation's on the same forum:"
                                + " set discourse.title-prefix (for example [Staging]) on one of them",
                        false, null, e, TITLE_TAKEN);
            }
            throw e;
        }
    }

    /** Replaces each image of the text that shows one of the announcement's photos by the photo, uploaded. */
    private String embedPhotos(Announcement announcement) {
        List<DiscourseClient.Upload> uploads = new ArrayList<>();
        for (int i = 0; i < announcement.photos().size(); i++) {
            Announcement.Photo photo = announcement.photos().get(i);
            uploads.add(client.upload("member-" + (i + 1) + ".png", photo.png(), "image/png"));
        }
        Matcher m = IMAGE.matcher(announcement.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String destination = m.group(2).replaceAll("\\\\(\\p{Punct})", "$1");
            String replacement = m.group();
            for (int i = 0; i < uploads.size(); i++) {
                if (announcement.photos().get(i).url().equals(destination)) {
                    DiscourseClient.Upload upload = uploads.get(i);
                    replacement = "![" + m.group(1) + "|" + upload.width() + "x" + upload.height() + "]("
                            + upload.shortUrl() + ")";
                    break;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public boolean grantsBadge() {
        return config.winnerBadgeId() > 0;
    }

    @Override
    public boolean joinsGroup() {
        return !config.winnersGroup().isEmpty();
    }

    @Override
    public void grantBadge(String username, String reason) {
        delivering(() -> {
            client.grantBadge(username, config.winnerBadgeId(), reason);
            return null;
        });
    }

    @Override
    public void joinWinners(List<String> usernames) {
        delivering(() -> {
            client.addToGroup(client.groupId(config.winnersGroup()), usernames);
            return null;
        });
    }

    @Override
    public void mirrorGroups(String username, List<String> join, List<String> leave) {
        delivering(() -> {
            // The forum's own answer says which groups the user is in, so a repeat sends no write at all.
            DiscourseClient.User user = client.user(username).orElseThrow(() -> new DeliveryFailure(
                    "the forum has no user " + username, false, null, null));
            for (String group : leave) {
                if (user.groups().contains(group) && !join.contains(group)) {
                    client.removeFromGroup(client.groupId(group), List.of(user.username()));
                }
            }
            for (String group : join) {
                if (!user.groups().contains(group)) {
                    client.addToGroup(client.groupId(group), List.of(user.username()));
                }
            }
            return null;
        });
    }

    @Override
    public void grantForumBadge(String username, long badgeId) {
        delivering(() -> {
            // Discourse grants a badge that allows many grants again on every call (BadgeGranter#grant): ask first.
            if (!client.badgeIds(username).contains(badgeId)) {
                client.grantBadge(username, badgeId, "");
            }
            return null;
        });
    }

    @Override
    public void tell(String key, List<String> usernames, String title, String text) {
        delivering(() -> {
            if (client.topicByExternalId(key).isEmpty()) {
                client.privateMessage(usernames, title, text, key);
            }
            return null;
        });
    }

    @Override
    public List<Check> check() {
        List<Check> checks = new ArrayList<>();
        try {
            Optional<DiscourseClient.User> user = client.user(config.apiUsername());
            if (user.isEmpty()) {
                checks.add(new Check("check.forum.user", false, List.of(config.apiUsername())));
            } else {
                checks.add(
                        new Check(user.get().admin() ? "check.forum.key" : "check.forum.notAdmin", user.get().admin(),
                                List.of(config.apiUsername())));
            }
        } catch (DiscourseException e) {
            checks.add(new Check("check.forum.key.failed", false, List.of(e.getMessage())));
            // Without a working key nothing else can be tried.
            checks.add(connectCheck());
            return checks;
        }
        try {
            JsonObject category = client.category(config.categoryId());
            checks.add(new Check("check.forum.category", true,
                    List.of(String.valueOf(config.categoryId()), category.get("name").getAsString())));
        } catch (DiscourseException e) {
            checks.add(new Check("check.forum.category.failed", false,
                    List.of(String.valueOf(config.categoryId()), e.getMessage())));
        }
        try {
            client.upload("popcorn-check.png", PIXEL, "image/png");
            checks.add(new Check("check.forum.upload", true, List.of()));
        } catch (DiscourseException e) {
            checks.add(new Check("check.forum.upload.failed", false, List.of(e.getMessage())));
        }
        checks.add(connectCheck());
        return checks;
    }

    private Check connectCheck() {
        return config.signIn() ? new Check("check.forum.connect", true, List.of())
                : new Check("check.forum.connect.off", true, List.of());
    }

    private Optional<Posted> find(String key) {
        return client.topicByExternalId(key).map(topicId -> posted(client.firstPost(topicId)));
    }

    private Posted posted(DiscourseClient.Post post) {
        return new Posted(post.topicId(), post.id(), client.url("/t/" + post.topicSlug() + "/" + post.topicId()));
    }

    /** Runs a delivery; the forum's refusals and failures become the outbox's {@link DeliveryFailure}. */
    private static <T> T delivering(Supplier<T> work) {
        try {
            return work.get();
        } catch (DiscourseException e) {
            throw new DeliveryFailure(e.getMessage(), e.isTransient(), e.retryAfter().orElse(null), e);
        }
    }
}
