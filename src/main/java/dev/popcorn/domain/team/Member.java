package dev.popcorn.domain.team;

import dev.popcorn.domain.Text;

/**
 * A person on a team, as the award announcement shows them: a display name and a photo. The
 * user id (their forum name, empty when unknown) keeps them from voting for their own team.
 */
public record Member(String name, String photoUrl, String userId) {
    public Member {
        Text.require(name, "member.name", 1, 80);
        photoUrl = photoUrl == null ? "" : photoUrl;
        userId = userId == null ? "" : userId.strip();
    }

    public Member(String name, String photoUrl) {
        this(name, photoUrl, "");
    }
}
