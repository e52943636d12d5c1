package dev.popcorn.capability;

import dev.popcorn.app.identity.ForgetUser;
import dev.popcorn.store.Store;
import dev.popcorn.web.UserRoutes;
import dev.popcorn.web.WebKit;
import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/** A user's data on request: all of it to take away, or forgotten while what counts keeps counting (ADR 0030). */
public final class ForgetCapability implements Capability {

    private final IdentityCapability identity;
    private final ForgetUser forget;

    public ForgetCapability(Core core, IdentityCapability identity, ParticipationCapability participation) {
        Store store = core.store();
        this.identity = identity;
        this.forget = new ForgetUser(store.forget(), store.users(), store.transactions(), store.audit(),
                identity.signIn(), participation.standingMirror()::forgotten, core.clock());
    }

    public ForgetUser forget() {
        return forget;
    }

    @Override
    public List<EndpointGroup> routes(WebKit web) {
        return List.of(new UserRoutes(identity.signIn(), forget));
    }
}
