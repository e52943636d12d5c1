package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import dev.popcorn.app.identity.Passes;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromium-driver): a fan opens
 * their signed link, hands in a report and votes, in English and in Chinese; a lead closes the
 * poll and approves it. Skipped with a message where Chromium is not installed, unless CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    @TempDir
    static Path data;

    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        Chromium.required("the page tests");
        server = TestServer.start(data, TestServer.FRIDAY.plus(Duration.ofDays(1)), true);
        browser = Chromium.window();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /**
     * The text of {@code css} once the page after a form post shows {@code expected}: right after
     * a click the old page may still be there, and its element goes stale while being read.
     */
    private static String textAfterPost(String css, String expected) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(driver -> expected.equals(driver.findElement(By.cssSelector(css)).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The assertion below names what the page says instead.
        }
        return text(css);
    }

    private void reportAndVote(String userId, String name, String lang, String wish, String matchesTitle,
            String savedText,
            String receiptText) {
        browser.manage().deleteAllCookies();
        signInWith(server.popcorn.link(userId, name, Passes.Role.USER));
        browser.get(server.url("/?lang=" + lang));
        assertThat(text("header .who span")).contains(name);

        browser.findElement(By.cssSelector("#step1 ~ p a.button")).click();
        List<WebElement> features = browser.findElements(By.cssSelector("fieldset.feature"));
        assertThat(features).hasSize(8);
        features.get(0).findElement(By.cssSelector("input[value=LIKE]")).click();
        // A comment is a text area: Enter starts a new line there instead of sending a half-filled report.
        features.get(0).findElement(By.cssSelector("textarea")).sendKeys("<script>alert(1)</script> 好用");
        features.get(1).findElement(By.cssSelector("input[value=NOT_GOOD_ENOUGH]")).click();
        // The bar at the bottom counts what is rated, in the reader's language, and keeps the save button in reach.
        assertThat(text("#report-progress")).isEqualTo(lang.equals("en") ? "2 of 8 features rated" : "已评价 2 / 8 项功能");
        assertThat(browser.findElement(By.id("report-meter")).getAttribute("value")).isEqualTo("2");
        browser.findElement(By.name("newWishes")).sendKeys(wish);

        // The demo has a wish like this one: while the fan types, before anything is sent, the form asks "is it one of these?"
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("#wish-matches legend")).isEmpty());
        assertThat(text("#wish-matches legend")).isEqualTo(matchesTitle);
        assertThat(text("#wish-matches label.wish")).contains("A dark theme for the whole system");
        browser.findElement(By.cssSelector("#wish-matches input[type=checkbox]")).click();
        // The fan clears their text as a person does (each key an input event, so the matches are asked again):
        // the wish they ticked stays, ticked.
        WebElement typed = browser.findElement(By.name("newWishes"));
        typed.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("input[name=matchesSeen]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#wish-matches input[type=checkbox]")).isSelected()).isTrue();
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        assertThat(text("#saved")).isEqualTo(savedText);
        assertThat(text("#earned")).matches(
                lang.equals("en") ? "This report earned you 10 points; \\d+ points this week so far · your level: .+"
                        : "这份报告为你赢得 10 积分；本周目前共 \\d+ 积分 · 你的等级：.+");
        assertThat(browser.findElement(By.id("share-step")).getAttribute("href"))
                .endsWith("/fans/" + userId + "/share");
        WebElement comment = browser.findElements(By.cssSelector("fieldset.feature")).get(0)
                .findElement(By.cssSelector("textarea"));
        assertThat(comment.getAttribute("value")).isEqualTo("<script>alert(1)</script> 好用");
        assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)</script>");
        assertThat(browser.findElement(By.cssSelector("#next-step a")).getAttribute("href")).contains("/polls/");

        browser.get(server.url("/"));
        browser.findElement(By.cssSelector("#step3 ~ p a.button")).click();
        browser.findElements(By.cssSelector("label.candidate")).get(1).click();
        browser.findElement(By.cssSelector("form.ballot button")).click();
        assertThat(text("#receipt")).startsWith(receiptText).containsPattern("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(browser.findElement(By.id("vote-share")).getAttribute("href")).as("the next step after voting")
                .endsWith("/fans/" + userId + "/share");
    }

    /** Opens a personal link and confirms: a link alone signs nobody in. */
    private static void signInWith(String link) {
        browser.get(link);
        browser.findElement(By.id("signin-confirm")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> !driver.getCurrentUrl().contains("/signin/"));
    }

    @Test
    void aLinkAsksBeforeSigningInAndSigningOutEverywhereEndsItOnANarrowPhone() {
        browser.manage().deleteAllCookies();
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
        try {
            browser.get(server.url("/?lang=zh-CN"));
            String link = server.popcorn.link("demo-lily", "Lily Zhao", Passes.Role.USER);
            browser.get(link);
            assertThat(text("#signin-question")).isEqualTo("以 Lily Zhao 的身份登录？");
            assertThat(browser.manage().getCookieNamed("popcorn_session")).as("opening the link signs nobody in")
                    .isNull();
            assertThat(fitsTheWidth()).as("the page fits 360 px").isTrue();
            browser.findElement(By.id("signin-confirm")).click();
            assertThat(text("header .who span")).contains("Lily Zhao");

            browser.findElement(By.cssSelector("header .who a[href='/me']")).click();
            assertThat(text("#me h1")).isEqualTo("我的账号");
            assertThat(fitsTheWidth()).as("the own page fits 360 px").isTrue();
            browser.findElement(By.id("api-pass-get")).click();
            String apiPass = browser.findElement(By.id("api-pass")).getAttribute("value");
            // The new token is where the page lands, not thousands of pixels down.
            assertThat(browser.getCurrentUrl()).endsWith("/me/api-pass#api-title");
            assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "const r = document.getElementById('api-pass').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;"))
                    .as("the token is in view").isTrue();
            assertThat(server.send("GET", "/api/v1/me", apiPass, null).statusCode()).isEqualTo(200);
            String session = browser.manage().getCookieNamed("popcorn_session").getValue();

            server.clock.advance(Duration.ofSeconds(1));
            browser.findElement(By.id("signout-everywhere")).click();
            assertThat(text("#signed-out-everywhere")).contains("你已在所有设备上退出");
            HttpResponse<String> oldToken = server.send("GET", "/api/v1/me", apiPass, null);
            assertThat(oldToken.statusCode()).isEqualTo(401);
            assertThat(oldToken.body()).contains("pass.revoked");
            browser.manage().addCookie(new org.openqa.selenium.Cookie("popcorn_session", session));
            browser.get(server.url("/me?lang=zh-CN"));
            assertThat(text("#problem-detail")).as("the old session, put back, is refused").contains("已被撤销");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private static boolean fitsTheWidth() {
        Object wide = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(wide);
    }

    @Test
    void aFanReportsAndVotesInEnglish() {
        reportAndVote("demo-alex", "Alex Chen", "en", "Dark theme for the whole phone", "Is it one of these?",
                "Thank you! Your report is saved. You can change it until the deadline.",
                "Your vote for");
    }

    @Test
    void aFanReportsAndVotesInChinese() {
        reportAndVote("demo-xiaoming", "小明 Xiaoming", "zh-CN", "希望有全局深色模式", "是不是其中之一？", "谢谢！你的报告已保存，截止前可以修改。", "你给");
        assertThat(text("header nav a.lang")).isEqualTo("English");
    }

    /** Keys only, from the top of the page: a rating, a two-line comment, Save; then a vote. */
    @Test
    void aFanReportsAndVotesByKeyboardAlone() {
        browser.manage().deleteAllCookies();
        signInWith(server.popcorn.link("demo-kim", "Kim", Passes.Role.USER));
        browser.get(server.url("/?lang=en"));
        browser.get(browser.findElement(By.cssSelector("#step1 ~ p a.button")).getAttribute("href"));
        WebElement first = browser.findElements(By.cssSelector("fieldset.feature")).get(0);
        // Tab reaches the first feature's choice (the checked one, "skip"); the arrows move it to "I like it".
        tabUntil(first.findElement(By.cssSelector("input[type=radio]:checked")), 40);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(first.findElement(By.cssSelector("input[value=LIKE]")).isSelected()).isTrue();
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement()).isEqualTo(first.findElement(By.cssSelector("textarea")));
        browser.switchTo().activeElement().sendKeys("Bright at night", Keys.ENTER, "and quick");
        assertThat(browser.getCurrentUrl()).as("Enter in a comment sends nothing").doesNotContain("saved");
        assertThat(text("#report-progress")).isEqualTo("1 of 8 features rated");
        tabUntil(browser.findElement(By.cssSelector("#report-bar button[type=submit]")), 80);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(textAfterPost("#saved", "Thank you! Your report is saved. You can change it until the deadline."))
                .isEqualTo("Thank you! Your report is saved. You can change it until the deadline.");
        assertThat(
                browser.findElements(By.cssSelector("fieldset.feature")).get(0).findElement(By.cssSelector("textarea"))
                        .getAttribute("value"))
                .isEqualTo("Bright at night\nand quick");

        // The vote: Tab to the first project, Space picks it, Tab to the button, Enter.
        browser.get(browser.findElement(By.cssSelector("#next-step a")).getAttribute("href"));
        tabUntil(browser.findElements(By.cssSelector("form.ballot input[type=radio]")).get(0), 60);
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        tabUntil(browser.findElement(By.cssSelector("form.ballot button")), 10);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("receipt")).isEmpty());
        assertThat(text("#receipt")).startsWith("Your vote for").containsPattern("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
    }

    /** Presses Tab until {@code target} has the focus, at most {@code presses} times; fails if it never does. */
    private static void tabUntil(WebElement target, int presses) {
        for (int i = 0; i < presses && !browser.switchTo().activeElement().equals(target); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement()).as("reached by Tab").isEqualTo(target);
    }

    @Test
    void aTamperedLinkGetsAFriendlyPageInTheVisitorsLanguage() {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/?lang=zh-CN"));
        String link = server.popcorn.link("demo-lily", "Lily Zhao", Passes.Role.USER);
        browser.get(link.substring(0, link.length() - 4) + "AAAA");
        assertThat(text("h1")).isEqualTo("请先登录");
        assertThat(text("#problem-detail")).contains("链接或会话无效");
    }

    @Test
    void aFormPostedFromElsewhereIsRefusedAndChangesNothing() throws Exception {
        // Another site makes the lead's browser post the form: the session cookie comes along, the CSRF token cannot.
        String leadSession = server.leadSession();
        long poll = com.google.gson.JsonParser.parseString(server.send("GET", "/api/v1/week", null, null).body())
                .getAsJsonObject().getAsJsonObject("poll").get("id").getAsLong();
        HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(server.url("/lead/polls/" + poll + "/close")))
                .header("Cookie", "popcorn_session=" + leadSession)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("did not come from Popcorn");
        HttpResponse<String> anonymous = server.send("POST", "/lead/polls/" + poll + "/close", null, null);
        assertThat(anonymous.statusCode()).as("nobody signed in: refused before the form is read").isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/polls/" + poll, null, null).body()).doesNotContain("\"closedAt\"");
    }

    @Test
    void aHalfFilledReportComesBackAfterAReloadAndIsDroppedOnceSaved() {
        browser.manage().deleteAllCookies();
        signInWith(server.popcorn.link("fan-draft", "Drafty", Passes.Role.USER));
        browser.get(server.url("/?lang=en"));
        browser.findElement(By.cssSelector("#step1 ~ p a.button")).click();
        WebElement first = browser.findElements(By.cssSelector("fieldset.feature")).get(0);
        first.findElement(By.cssSelector("input[value=NOT_GOOD_ENOUGH]")).click();
        first.findElement(By.cssSelector("textarea")).sendKeys("Drains the battery overnight");
        assertThat(browser.findElement(By.id("draft-restored")).isDisplayed()).isFalse();

        browser.navigate().refresh();

        assertThat(browser.findElement(By.id("draft-restored")).isDisplayed()).isTrue();
        first = browser.findElements(By.cssSelector("fieldset.feature")).get(0);
        assertThat(first.findElement(By.cssSelector("input[value=NOT_GOOD_ENOUGH]")).isSelected()).isTrue();
        assertThat(first.findElement(By.cssSelector("textarea")).getAttribute("value"))
                .isEqualTo("Drains the battery overnight");
        browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        assertThat(textAfterPost("#saved", "Thank you! Your report is saved. You can change it until the deadline."))
                .isEqualTo("Thank you! Your report is saved. You can change it until the deadline.");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("draft-restored")).isDisplayed()).as("saved: no draft left").isFalse();
    }

    /**
     * Clicks a control of the lead's desk as a person would see it: in the middle of the screen. Selenium scrolls a
     * control only just into view, where the desk's index, which stays at the top, would be in the way.
     */
    private void onTheDesk(WebElement control) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});",
                control);
        control.click();
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the fans voted (unordered tests default to MAX_VALUE / 2): it closes the poll
    void aLeadClosesThePollAndApprovesTheResult() {
        browser.manage().deleteAllCookies();
        signInWith(server.popcorn.link("lead", "Lead", Passes.Role.LEAD) + "?lang=en");
        browser.get(server.url("/lead?lang=en"));
        assertThat(text("h1")).isEqualTo("Lead dashboard");
        // The week at a glance comes first, after the index of the desk's parts: connections folded into one line, then
        // what users said as bars with their numbers and text alternatives, the trend with its table, the poll's count
        // so far, the export.
        assertThat(text("#connections")).startsWith("Connections:").contains("Jira", "Jenkins");
        assertThat(browser.findElement(By.cssSelector("main section.card")).getAttribute("id"))
                .isEqualTo("week-glance");
        List<WebElement> bars = browser.findElements(By.cssSelector("#glance-features > li"));
        assertThat(bars).hasSize(8);
        assertThat(bars.get(0).findElement(By.cssSelector("svg.stack")).getAttribute("aria-label"))
                .matches(".+: (no likes|1 like|\\d+ likes), \\d+ not good enough, \\d+ % like it");
        assertThat(bars.get(0).findElement(By.cssSelector(".counts")).getText())
                .matches("(no likes|1 like|\\d+ likes) · \\d+ not good enough · \\d+ % like it");
        assertThat(browser.findElements(By.cssSelector("#glance-teams > li svg.stack"))).isNotEmpty();
        assertThat(text("#glance-trend figcaption")).startsWith("The share of likes among all verdicts");
        assertThat(browser.findElements(By.cssSelector("#glance-trend tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(text("#glance-ballots")).matches("\\d+ ballots? so far");
        assertThat(browser.findElement(By.id("live-count")).getAttribute("data-live"))
                .isEqualTo("/lead/glance/count?lang=en");
        assertThat(browser.findElements(By.cssSelector("#glance-count svg[role=img]"))).isNotEmpty();
        // Read as bytes: the text would drop the byte-order mark a spreadsheet needs to read Chinese as UTF-8.
        String csv = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(document.getElementById('glance-export').href).then(r => r.arrayBuffer())"
                        + ".then(b => done(Array.from(new Uint8Array(b)).map(x => String.fromCharCode(x)).join('')));");
        csv = new String(csv.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFF\"release\",\"feature\",\"summary\",\"summary_zh\",\"team\",\"verdict\",\"comment\"")
                .contains("好用");
        assertThat(csv.split("\\R").length).as("a header and the verdicts of the reports handed in").isGreaterThan(2);
        // The week's participation at a glance: the funnel as three bars, the fans who opened the page counted.
        assertThat(browser.findElements(By.cssSelector("#funnel svg.bar rect"))).hasSize(3);
        assertThat(Integer.parseInt(text("#funnel-opened strong"))).as("the fans above opened the release's page")
                .isGreaterThanOrEqualTo(2);
        assertThat(browser.findElements(By.cssSelector("#level-bars li"))).hasSize(5);
        onTheDesk(browser.findElement(By.cssSelector("#lead-reports form[action$='/helpful'] button")));
        assertThat(textAfterPost("#done", "Marked helpful: its author earns the helpful points."))
                .isEqualTo("Marked helpful: its author earns the helpful points.");
        assertThat(browser.findElements(By.cssSelector("#recent-grants tr"))).isNotEmpty();
        // Closing, like approving, asks first; the question says what it does.
        onTheDesk(browser.findElement(By.cssSelector("summary[id^=close-]")));
        assertThat(text("details.confirm[open] p")).startsWith("Voting ends now for everyone instead of at");
        onTheDesk(browser.findElement(By.cssSelector("button[id^=close-confirm-]")));
        assertThat(textAfterPost("#done", "The poll is closed and waits for your review."))
                .isEqualTo("The poll is closed and waits for your review.");
        assertThat(text("section.poll-admin p.muted")).contains("Closed early");
        // The preview shows the text as the forum will: rendered, not its Markdown escapes.
        WebElement preview = browser.findElement(By.cssSelector("div[id^=preview-]"));
        assertThat(preview.findElements(By.tagName("h1"))).extracting(WebElement::getText)
                .anyMatch(h -> h.startsWith("🍿 爆米花奖 · 版本 2026"))
                .anyMatch(h -> h.startsWith("🍿 Popcorn Award · release 2026"));
        assertThat(preview.findElements(By.cssSelector("table tr"))).hasSizeGreaterThan(1);
        // An edit typed but not saved shows in the preview as it is typed, and goes out with the approval.
        WebElement announcement = browser.findElement(By.cssSelector("form[id^=announcement-] textarea"));
        announcement.sendKeys("\n\n**Edited on screen**, never saved.");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !preview.findElements(By.xpath(
                ".//strong[text()='Edited on screen']")).isEmpty());
        onTheDesk(browser.findElement(By.cssSelector("summary[id^=approve-]")));
        onTheDesk(browser.findElement(By.cssSelector("button[id^=approve-confirm-]")));
        assertThat(textAfterPost("#done", "The result is approved and public."))
                .isEqualTo("The result is approved and public.");
        String poll = browser.findElement(By.cssSelector("section.poll-admin")).getAttribute("id").replace("poll-", "");
        assertThat(server.send("GET", "/api/v1/polls/" + poll + "/announcement", null, null).body())
                .contains("**Edited on screen**, never saved.");
        assertThat(browser.findElement(By.id("published-" + poll)).getAttribute("href"))
                .endsWith("/polls/" + poll + "#announcement");
        // The audit log reads in the reader's language: what was done, to what, and how it ended.
        browser.get(server.url("/lead?lang=zh-CN"));
        assertThat(text("#audit")).contains("批准并公布结果", "投票截止", "负责人提前截止", "投票 " + poll, "获奖：")
                .doesNotContain("closed early", "poll:" + poll);

        browser.manage().deleteAllCookies();
        browser.get(server.url("/?lang=en"));
        browser.findElement(By.linkText("See the poll")).click();
        assertThat(text("h2")).isEqualTo("Result");
        assertThat(browser.findElements(By.cssSelector(".faces img"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#announcement strong")).getText()).isNotBlank();
        // Typed at the end, the edit is in the English part: in the reader's part, and in the post as sent folded below.
        assertThat(browser.findElements(By.xpath("//div[@id='announcement-own']//strong[text()='Edited on screen']")))
                .as("the approved text, public on the poll page").hasSize(1);
        assertThat(
                browser.findElements(By.xpath("//details[@id='announcement-sent']//strong[text()='Edited on screen']")))
                .hasSize(1);
    }
}
