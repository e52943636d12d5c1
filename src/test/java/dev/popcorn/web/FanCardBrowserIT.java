package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A demo fan's share page in a real headless Chromium on a 360 px phone, in both languages. The fan
 * themself: the card loads (under the page's content security policy), nothing is wider than the
 * screen, the copy button appears (the static script ran) and copies, and both sizes can be
 * downloaded. A friend who opens the link (issue 28, item 6): the card, what Popcorn and Orange
 * Friday are and a clear way to take part on the first screen, this week's release and poll below,
 * and none of the fan's tools. Skipped with a message where Chromium is not installed, unless CI=true
 * (as {@link BrowserIT}).
 */
class FanCardBrowserIT {

    @TempDir
    static Path data;

    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        Chromium.required("the share page test");
        server = TestServer.start(data, TestServer.FRIDAY.plus(Duration.ofDays(1)), true);
        browser = Chromium.phone();
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

    @Test
    void theSharePageWorksOnA360PixelPhoneInEnglish() throws Exception {
        sharePage("en", "小明 Xiaoming's Popcorn card", "My Popcorn level: ", "Copied.", "Phone story (1080 × 1920)");
    }

    @Test
    void theSharePageWorksOnA360PixelPhoneInChinese() throws Exception {
        sharePage("zh-CN", "小明 Xiaoming 的爆米花卡片", "我在爆米花是", "已复制。", "竖版海报（1080 × 1920）");
    }

    private void sharePage(String lang, String heading, String textStart, String copied, String storyLink)
            throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/?lang=" + lang));
        browser.manage().addCookie(
                new org.openqa.selenium.Cookie("popcorn_session", server.session("demo-xiaoming", "小明 Xiaoming")));
        browser.get(server.url("/fans/demo-xiaoming/share?lang=" + lang));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        assertThat(browser.findElements(By.id("share-door"))).as("the fan sees their tools, not the door").isEmpty();
        assertThat(browser.findElement(By.id("share-owner-note")).isDisplayed()).isTrue();
        assertThat(script("return window.innerWidth;")).as("a phone's viewport").isEqualTo(360L);
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth;")).as("fits 360 px")
                .isEqualTo(true);

        WebElement card = browser.findElement(By.cssSelector("img.fan-card"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> Boolean.TRUE
                        .equals(script("return arguments[0].complete && arguments[0].naturalWidth > 0;", card)));
        assertThat(script("return arguments[0].naturalWidth;", card)).isEqualTo(1200L);
        assertThat(card.getSize().getWidth()).isLessThanOrEqualTo(360).isGreaterThan(250);

        WebElement text = browser.findElement(By.id("share-text"));
        assertThat(text.getAttribute("value")).startsWith(textStart).endsWith("/fans/demo-xiaoming/share?lang=" + lang);
        WebElement copy = browser.findElement(By.id("share-copy"));
        assertThat(copy.isDisplayed()).as("the script ran and showed the copy button").isTrue();
        copy.click();
        // The clipboard may be closed to a headless browser: then the text is left selected for the visitor.
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> copied
                .equals(driver.findElement(By.id("share-status")).getText())
                || text.getAttribute("value").equals(script("return window.getSelection().toString()"
                        + " || (document.activeElement.id === 'share-text' ? document.activeElement.value : '');")));

        WebElement story = browser.findElement(By.id("download-story"));
        assertThat(story.getText()).isEqualTo(storyLink);
        assertThat(story.getAttribute("href"))
                .isEqualTo(server.url("/fans/demo-xiaoming/card.png?format=story&lang=" + lang));
        assertThat(story.getAttribute("download")).isEqualTo("popcorn-card-story.png");

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/share-page-360-" + lang + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aFriendFindsTheDoorOnA360PixelPhoneInEnglish() throws Exception {
        friend("en", "小明 Xiaoming's Popcorn card",
                "Popcorn is Orange Friday's home: every Friday fans try the new phone build",
                "This week: release ", ": the vote is open until ", "Sign in to take part", "Hand in your report", "");
    }

    @Test
    void aFriendFindsTheDoorOnA360PixelPhoneInChinese() throws Exception {
        friend("zh-CN", "小明 Xiaoming 的爆米花卡片", "爆米花是橙色星期五的大本营", "本周：版本 ", "：投票进行中，",
                "登录参与", "提交体验报告", "-zh");
    }

    /**
     * A friend opens the fan's link signed out: under the card, one line on Popcorn and Orange Friday and the
     * way in, on the first screen; then this week's release and its poll; none of the fan's tools. Signed in
     * as someone else, the way in is their report. Screenshots of both go to {@code target/}.
     */
    private void friend(String lang, String heading, String about, String release, String poll, String signIn,
            String report,
            String suffix) throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/fans/demo-xiaoming/share?lang=" + lang));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        WebElement card = browser.findElement(By.cssSelector("img.fan-card"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> Boolean.TRUE
                        .equals(script("return arguments[0].complete && arguments[0].naturalWidth > 0;", card)));
        assertThat(browser.findElement(By.id("door-about")).getText()).startsWith(about);
        assertThat(browser.findElement(By.id("door-release")).getText()).startsWith(release);
        assertThat(browser.findElement(By.id("door-poll")).getText()).contains(poll);
        WebElement in = browser.findElement(By.id("take-part-signin"));
        assertThat(in.getText()).isEqualTo(signIn);
        assertThat(in.getAttribute("href")).isEqualTo(server.url("/signin"));
        shot("share-friend-phone" + suffix);
        assertThat(script("return arguments[0].getBoundingClientRect().bottom <= window.innerHeight;", in))
                .as("the way in is on the first screen").isEqualTo(true);
        assertThat(Chromium.fitsTheWidth(browser)).as("the friend's view fits 360 px").isTrue();
        noTools();

        browser.manage().addCookie(
                new org.openqa.selenium.Cookie("popcorn_session", server.session("demo-fan-050", "Tao Zhu")));
        browser.get(server.url("/fans/demo-xiaoming/share?lang=" + lang));
        WebElement take = browser.findElement(By.id("take-part-report"));
        assertThat(take.getText()).isEqualTo(report);
        assertThat(take.getAttribute("href")).contains("/releases/").endsWith("#report");
        assertThat(script("return document.getElementById('take-part-signin') === null;")).isEqualTo(true);
        assertThat(Chromium.fitsTheWidth(browser)).as("a signed-in friend's view fits 360 px").isTrue();
        noTools();
        shot("share-friend-signed-in-phone" + suffix);
    }

    /** None of the fan's own tools is on the page: asked of the page at once (a lookup by Selenium waits for each). */
    private static void noTools() {
        assertThat((java.util.List<?>) script("return ['share-text', 'share-copy', 'share-native', 'download-wide',"
                + " 'download-story', 'share-owner-note'].filter(id => document.getElementById(id) !== null);"))
                .as("the fan's own tools").isEmpty();
    }

    @Test
    void aSeasonedFansOwnPageBoardAndPublicPageWorkOnA360PixelPhoneInEnglish() throws Exception {
        standing("en", "You are", "To become ", "Streak", "releases in a row", "Leaderboards");
    }

    @Test
    void aSeasonedFansOwnPageBoardAndPublicPageWorkOnA360PixelPhoneInChinese() throws Exception {
        standing("zh-CN", "你现在是", "升级到", "连续参与", "个版本", "排行榜");
    }

    /**
     * A casual fan of the demo (demo-fan-050) signed in: their page says their level, what the next one
     * needs with bars, their streak and badges; this week's board shows their own place; their public
     * page carries the card's link tags; all of it fits 360 px and is reached by keyboard.
     */
    private void standing(String lang, String youAre, String toBecome, String streak, String inARow, String boards)
            throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/?lang=" + lang));
        browser.manage().addCookie(
                new org.openqa.selenium.Cookie("popcorn_session", server.session("demo-fan-050", "Tao Zhu")));
        browser.get(server.url("/me?lang=" + lang));
        WebElement level = browser.findElement(By.id("level-title"));
        assertThat(browser.findElement(By.cssSelector(".level-card p.muted")).getText()).isEqualTo(youAre);
        assertThat(level.getText()).isNotBlank();
        assertThat(browser.findElement(By.cssSelector(".level-card h3")).getText()).startsWith(toBecome);
        assertThat(browser.findElements(By.cssSelector(".level-card svg.meter"))).hasSize(3);
        assertThat(browser.findElement(By.id("streak-title")).getText()).isEqualTo(streak);
        assertThat(browser.findElement(By.cssSelector("p.streak")).getText()).contains(inARow);
        assertThat(browser.findElements(By.cssSelector("ul.badges li.medal"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("ol.ledger li"))).isNotEmpty();
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth;")).as("/me fits 360 px")
                .isEqualTo(true);
        shot("me-360-" + lang);
        script("document.getElementById('streak-title').scrollIntoView();");
        shot("me-360-" + lang + "-streak-badges");
        script("document.getElementById('points-title').scrollIntoView();");
        shot("me-360-" + lang + "-points");
        // By keyboard: the switch to stay off public pages is reached with Tab.
        WebElement toggle = browser.findElement(By.id("public-toggle"));
        for (int i = 0; i < 200 && !toggle.equals(browser.switchTo().activeElement()); i++) {
            browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement()).as("the public switch is reached by Tab").isEqualTo(toggle);

        browser.get(server.url("/leaderboards?lang=" + lang));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(boards);
        assertThat(browser.findElements(By.cssSelector("#me"))).as("their own place is shown").isNotEmpty();
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("the board fits 360 px")
                .isEqualTo(true);
        shot("leaderboards-360-" + lang);

        browser.get(server.url("/fans/demo-fan-050?lang=" + lang));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tao Zhu");
        assertThat(browser.findElement(By.cssSelector("meta[property='og:image']")).getAttribute("content"))
                .isEqualTo(server.url("/fans/demo-fan-050/card.png?format=wide&lang=" + lang));
        assertThat(browser.findElement(By.cssSelector("meta[name='twitter:card']")).getAttribute("content"))
                .isEqualTo("summary_large_image");
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth;")).as("/fans fits 360 px")
                .isEqualTo(true);
        shot("fan-360-" + lang);
    }

    private static void shot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(code, args);
    }
}
