package dev.popcorn.domain;

/** A person on a team, as the award announcement shows them: a display name and a photo. */
public record Member(String name, String photoUrl) {
    public Member {
        Text.require(name, "member.name", 1, 80);
        photoUrl = photoUrl == null ? "" : photoUrl;
    }
}
