package dev.popcorn.domain.forum;

import dev.popcorn.domain.Text;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a user is on the forum, as the forum vouched for it (DiscourseConnect): the forum's stable
 * id for them ({@code external_id}, which is their Popcorn user id), their user name, display
 * name, avatar and groups. The forum's automatic {@code trust_level_N} groups tell the trust level.
 */
public record ForumIdentity(String externalId, String username, String name, String avatarUrl, List<String> groups,
        boolean admin, boolean moderator) {

    private static final Pattern TRUST_GROUP = Pattern.compile("trust_level_([0-4])");

    public ForumIdentity {
        Text.require(externalId, "forum.externalId", 1, 120);
        Text.require(username, "forum.username", 1, 60);
        name = name == null || name.isBlank() ? username : name.strip();
        avatarUrl = avatarUrl == null ? "" : avatarUrl;
        groups = List.copyOf(groups);
    }

    /** The highest trust level among the user's automatic groups, if the forum listed them. */
    public Optional<Integer> trustLevel() {
        Integer level = null;
        for (String group : groups) {
            Matcher m = TRUST_GROUP.matcher(group);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                level = level == null ? n : Math.max(level, n);
            }
        }
        return Optional.ofNullable(level);
    }

    /** The display name as Popcorn shows it: at most 120 characters. */
    public String displayName() {
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
