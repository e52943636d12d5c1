package dev.popcorn.capability;

import dev.popcorn.app.identity.MemberAccounts;
import dev.popcorn.app.identity.Passes;
import dev.popcorn.app.identity.SignIn;
import dev.popcorn.config.Config;
import dev.popcorn.store.Store;
import java.time.Duration;
import java.util.List;

/** Who is who: signed passes, signing in by link, token or API pass, and the team members the forum knows. */
public final class IdentityCapability implements Capability {

    private final Core core;
    private final Passes passes;
    private final SignIn signIn;
    private final MemberAccounts memberAccounts;

    public IdentityCapability(Core core) {
        this.core = core;
        Config config = core.config();
        Store store = core.store();
        this.passes = new Passes(config.secret(), core.clock());
        this.signIn = new SignIn(passes, store.users(), store.transactions(), store.audit(),
                new SignIn.Settings(config.adminToken(), config.jenkins().token(), config.sessionValidity(),
                        config.apiValidity()),
                core.clock());
        this.memberAccounts = new MemberAccounts(core.connect(), store.forumAccounts(), store.teams(), store.users(),
                core.forumPosting(), core.clock());
    }

    public Passes passes() {
        return passes;
    }

    public SignIn signIn() {
        return signIn;
    }

    public MemberAccounts memberAccounts() {
        return memberAccounts;
    }

    @Override
    public List<Job> jobs() {
        // Members named by forum user name are looked up here, never on the request that saved the team.
        return core.forum().enabled()
                ? List.of(Job.every("member look-ups", Duration.ofSeconds(1), Duration.ofSeconds(5),
                        memberAccounts::resolveDue))
                : List.of();
    }
}
