package dev.popcorn.web;

import dev.popcorn.app.identity.SignIn;
import dev.popcorn.app.participation.StandingNotices;
import dev.popcorn.domain.participation.LevelLadder;
import dev.popcorn.web.common.Bearer;
import dev.popcorn.web.common.Chrome;
import dev.popcorn.web.common.ClientAddress;
import dev.popcorn.web.common.ForumMarkdown;
import dev.popcorn.web.common.Gate;
import dev.popcorn.web.common.Problems;
import dev.popcorn.web.common.RateLimits;
import dev.popcorn.web.common.Sessions;
import dev.popcorn.web.common.Templates;

/**
 * The web's shared parts every route class may be built with: sessions and the gate that checks a route's declared
 * access, the page chrome and the problem answers, the rate limits, the notices shown on a fan's next page, the forum's
 * Markdown, and the web's settings. Made once per server by {@link #of}.
 */
public record WebKit(Sessions sessions, Chrome chrome, Problems problems, Gate gate, RateLimits limits,
        NoticeTexts notices, ForumMarkdown markdown, WebApp.Settings settings) {

    /**
     * The shared parts over these use cases; {@code ladder} names the levels a notice tells of; {@code forumSignIn}:
     * whether fans may sign in through the forum.
     */
    public static WebKit of(SignIn signIn, StandingNotices standingNotices, LevelLadder ladder, boolean forumSignIn,
            WebApp.Settings settings) {
        Sessions sessions = new Sessions(signIn, settings.sessionValidity(), settings.secureCookies());
        NoticeTexts notices = new NoticeTexts(standingNotices, ladder);
        Chrome chrome = new Chrome(sessions, new Templates(settings.zone()), forumSignIn, notices::unseen);
        return new WebKit(sessions, chrome, new Problems(chrome), new Gate(sessions, new Bearer(signIn)),
                new RateLimits(
                        new RateLimits.Settings(settings.ballotsPerMinute(), settings.ballotsPerMinutePerAddress()),
                        new ClientAddress(settings.trustedProxies())),
                notices, new ForumMarkdown(settings.baseUrl()), settings);
    }
}
