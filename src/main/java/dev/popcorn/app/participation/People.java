package dev.popcorn.app.participation;

import dev.popcorn.app.UserStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people a lead works with, by name rather than by id (issue 28, item 10): everyone a page shows named in one read,
 * and a person found by part of their name or id.
 */
public final class People {

    /** How many people a search lists: enough to pick one, few enough to read. */
    public static final int FOUND = 20;

    private final UserStore users;

    public People(UserStore users) {
        this.users = users;
    }

    /** The display names of these people by id; one Popcorn does not know is left out. */
    public Map<String, String> names(Collection<String> ids) {
        return users.names(ids);
    }

    /** The people whose name or id holds {@code text}, ignoring case; none for a blank text. */
    public List<User> find(String text) {
        return text == null || text.isBlank() ? List.of() : users.search(text.strip(), FOUND);
    }

    /**
     * The id of the one person {@code typed} names: their id, else the one whose name it is (ignoring case). Several
     * of that name is refused with how many, so the lead picks one by their page; nobody, as an unknown user.
     */
    public String resolve(String typed) {
        String text = typed.strip();
        if (users.find(text).isPresent()) {
            return text;
        }
        List<User> named = users.search(text, FOUND).stream().filter(u -> u.name().equalsIgnoreCase(text)).toList();
        if (named.size() > 1) {
            throw RuleViolation.invalid("people.ambiguous", text, named.size());
        }
        return named.stream().findFirst().map(User::id)
                .orElseThrow(() -> RuleViolation.notFound("level.user.unknown", text));
    }

    /** The person with this id, if Popcorn knows them. */
    public Optional<User> person(String id) {
        return users.find(id);
    }
}
