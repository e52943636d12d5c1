package dev.popcorn.store;

import dev.popcorn.app.TeamStore;
import dev.popcorn.domain.team.Member;
import dev.popcorn.domain.team.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcTeams implements TeamStore {

    private final Db db;

    JdbcTeams(Db db) {
        this.db = db;
    }

    @Override
    public boolean claim(String slug, String name) {
        return db.with(h -> {
            int created = h.createUpdate("INSERT INTO teams (slug, name) SELECT :slug, :name"
                    + " WHERE NOT EXISTS (SELECT 1 FROM teams WHERE slug = :slug)")
                    .bind("slug", slug).bind("name", name).execute();
            // Held until the transaction ends: another save of this team waits here, then sees what this one wrote.
            h.createQuery("SELECT slug FROM teams WHERE slug = :slug FOR UPDATE").bind("slug", slug).mapTo(String.class)
                    .list();
            return created == 1;
        });
    }

    @Override
    public void save(Team team) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("UPDATE teams SET name = :name, name_zh = :nameZh WHERE slug = :slug")
                    .bind("slug", team.slug()).bind("name", team.name()).bind("nameZh", team.nameZh()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO teams (slug, name, name_zh) VALUES (:slug, :name, :nameZh)")
                        .bind("slug", team.slug()).bind("name", team.name()).bind("nameZh", team.nameZh()).execute();
            }
            h.createUpdate("DELETE FROM members WHERE team_slug = :slug").bind("slug", team.slug()).execute();
            var batch = h.prepareBatch("INSERT INTO members (team_slug, position, name, photo_url, user_id)"
                    + " VALUES (:slug, :pos, :name, :photo, :user)");
            for (int i = 0; i < team.members().size(); i++) {
                Member m = team.members().get(i);
                batch.bind("slug", team.slug()).bind("pos", i).bind("name", m.name()).bind("photo", m.photoUrl())
                        .bind("user", m.userId().isEmpty() ? null : m.userId()).add();
            }
            if (!team.members().isEmpty()) {
                batch.execute();
            }
            return null;
        }));
    }

    @Override
    public Optional<Team> find(String slug) {
        return db.with(h -> load(h, "WHERE t.slug = :slug", slug)).stream().findFirst();
    }

    @Override
    public List<Team> all() {
        return db.with(h -> load(h, "", null));
    }

    @Override
    public List<String> teamsOf(String userId) {
        return db
                .with(h -> h.createQuery("SELECT DISTINCT team_slug FROM members WHERE user_id = :u ORDER BY team_slug")
                        .bind("u", userId).mapTo(String.class).list());
    }

    private static List<Team> load(Handle h, String where, String slug) {
        var query = h
                .createQuery("SELECT t.slug, t.name, t.name_zh, m.name AS member, m.photo_url, m.user_id FROM teams t"
                        + " LEFT JOIN members m ON m.team_slug = t.slug " + where
                        + " ORDER BY t.name, t.slug, m.position");
        if (slug != null) {
            query.bind("slug", slug);
        }
        Map<String, String[]> names = new LinkedHashMap<>();
        Map<String, List<Member>> members = new LinkedHashMap<>();
        query.map((rs, ctx) -> {
            String teamSlug = rs.getString("slug");
            names.put(teamSlug, new String[] {rs.getString("name"), rs.getString("name_zh")});
            List<Member> list = members.computeIfAbsent(teamSlug, k -> new ArrayList<>());
            if (rs.getString("member") != null) {
                list.add(new Member(rs.getString("member"), rs.getString("photo_url"), rs.getString("user_id")));
            }
            return teamSlug;
        }).list();
        return names.entrySet().stream().map(e -> new Team(e.getKey(), e.getValue()[0], e.getValue()[1],
                members.get(e.getKey()))).toList();
    }
}
