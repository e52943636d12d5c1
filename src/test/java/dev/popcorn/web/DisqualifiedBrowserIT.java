package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.app.identity.Passes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One truth for a result (issue 18): a project disqualified while the poll is open, seen on a 360 px phone
 * by the fans who voted for it, in Chinese and in English. Each is told their vote no longer counts and why,
 * votes again by keyboard, and the published result names the project with its reason and adds up. Before
 * that, a visitor not signed in reads the candidates and how to sign in (issue 18's signed-out paths).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisqualifiedBrowserIT {

    private static final String REASON = "Votes bought with <b>free</b> phones";

    @TempDir
    static Path data;

    static TestServer server;
    static WebDriver browser;
    static long poll;
    static long camera;
    static long battery;

    @BeforeAll
    static void start() {
        Chromium.required("the disqualification page test");
        server = TestServer.start(data, TestServer.FRIDAY, false);
        server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN,
                "{\"name\": \"相机团队 Camera\", \"members\": []}");
        server.send("PUT", "/api/v1/teams/battery", TestServer.ADMIN_TOKEN,
                "{\"name\": \"电池 Battery\", \"members\": []}");
        String opened = server.send("POST", "/api/v1/releases", TestServer.ADMIN_TOKEN, """
                {"version": "2026.11.20", "features": [
                  {"key": "MIUI-2101", "summary": "Night mode in the camera", "team": "camera"},
                  {"key": "MIUI-2102", "summary": "Quiet charging", "team": "battery"}]}""").body();
        poll = JsonParser.parseString(opened).getAsJsonObject().getAsJsonObject("poll").get("id").getAsLong();
        assertThat(server.send("POST", "/api/v1/polls/" + poll + "/open", TestServer.ADMIN_TOKEN, null).statusCode())
                .isEqualTo(200);
        for (JsonElement c : JsonParser.parseString(server.send("GET", "/api/v1/polls/" + poll, null, null).body())
                .getAsJsonObject().getAsJsonArray("candidates")) {
            JsonObject candidate = c.getAsJsonObject();
            if (candidate.get("teamSlug").getAsString().equals("camera")) {
                camera = candidate.get("id").getAsLong();
            } else {
                battery = candidate.get("id").getAsLong();
            }
        }
        vote("fan-zh", battery);
        vote("fan-en", battery);
        vote("fan-3", camera);
        assertThat(server.send("POST", "/api/v1/polls/" + poll + "/candidates/" + battery + "/disqualify",
                TestServer.ADMIN_TOKEN, "{\"reason\": \"" + REASON + "\"}").statusCode()).isEqualTo(200);
        browser = Chromium.phone();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.close(browser, server);
    }

    private static void vote(String user, long candidate) {
        assertThat(server.send("PUT", "/api/v1/polls/" + poll + "/ballot", server.pass(user, user),
                "{\"candidate\": " + candidate + "}").statusCode()).isEqualTo(200);
    }

    private static void signInWith(String link) {
        Chromium.signIn(browser, link);
    }

    private static boolean fitsTheWidth() {
        return Chromium.fitsTheWidth(browser);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The fan is told, picks another project by keyboard alone, and gets an ordinary receipt. */
    private static void toldAndVotesAgain(String user, String lang, String told, String receipt) {
        signInWith(server.popcorn.link(user, user, Passes.Role.USER));
        browser.get(server.url("/polls/" + poll + "?lang=" + lang));
        assertThat(text("#set-aside")).isEqualTo(told);
        assertThat(browser.getPageSource()).doesNotContain("<b>free</b>");
        assertThat(browser.findElements(By.cssSelector("input[name=candidate]"))).as("only the project still standing")
                .hasSize(1).allSatisfy(radio -> assertThat(radio.isSelected()).isFalse());
        assertThat(text(".set-aside-candidate")).contains("Quiet charging", REASON);
        assertThat(fitsTheWidth()).isTrue();

        WebElement radio = browser.findElement(By.cssSelector("input[name=candidate]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", radio);
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().contains("voted"));
        assertThat(text("#receipt")).startsWith(receipt);
        assertThat(browser.findElements(By.id("set-aside"))).isEmpty();
    }

    @Test
    @Order(1)
    void aVisitorNotSignedInReadsTheCandidatesAndHowToSignInAndOnlyLeadsSeeTheLeadLink() {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/polls/" + poll + "?lang=zh-CN"));
        assertThat(text("#candidates")).contains("Night mode in the camera — 相机团队 Camera",
                "Quiet charging — 电池 Battery · 已取消资格。原因：" + REASON);
        assertThat(text("#signin-offer")).contains("登录后即可给其中一个项目投票。");
        assertThat(browser.findElements(By.cssSelector("header a[href='/lead']"))).isEmpty();
        assertThat(fitsTheWidth()).isTrue();
        browser.findElement(By.id("signin-how")).click();
        assertThat(text("h1")).isEqualTo("如何登录");
        assertThat(text("main")).contains("如果链接过期或不能用了");

        signInWith(server.popcorn.link("fan-3", "fan-3", Passes.Role.USER));
        browser.get(server.url("/?lang=en"));
        assertThat(browser.findElements(By.cssSelector("header a[href='/lead']"))).as("a fan").isEmpty();
        signInWith(server.popcorn.link("lead", "Lead", Passes.Role.LEAD));
        browser.get(server.url("/?lang=en"));
        assertThat(text("header a[href='/lead']")).isEqualTo("Lead dashboard");
    }

    @Test
    @Order(2)
    void theFansOfADisqualifiedProjectAreToldWhyAndVoteAgainAndTheResultAddsUp() {
        toldAndVotesAgain("fan-zh", "zh-CN", "你给 Quiet charging 的一票已不再计入：该项目已被取消资格。原因：" + REASON
                + "。请在下面另选一个项目，新投的票会计入。", "你给 Night mode in the camera 的一票已计入。");
        // The English fan reads it, then leaves it: their ballot stays set aside.
        signInWith(server.popcorn.link("fan-en", "fan-en", Passes.Role.USER));
        browser.get(server.url("/polls/" + poll + "?lang=en"));
        assertThat(text("#set-aside"))
                .isEqualTo("Your vote for Quiet charging no longer counts: the project was disqualified."
                        + " Reason: " + REASON + ". Pick another project below; your new vote counts.");
        browser.get(server.url("/?lang=en"));
        assertThat(text("#step3 ~ p.notice")).isEqualTo("Your vote for Quiet charging no longer counts: the project was"
                + " disqualified. Vote again.");

        server.send("POST", "/api/v1/polls/" + poll + "/close", TestServer.ADMIN_TOKEN, null);
        server.send("POST", "/api/v1/polls/" + poll + "/approve", TestServer.ADMIN_TOKEN, null);
        browser.get(server.url("/polls/" + poll + "?lang=en"));
        assertThat(text("#set-aside"))
                .isEqualTo("Your vote for Quiet charging was not counted: the project was disqualified."
                        + " Reason: " + REASON + ".");
        assertThat(text("#ballots"))
                .startsWith("2 ballots counted of 3 cast; 1 set aside: its project was disqualified.");
        assertThat(text("#set-aside-list")).contains("Quiet charging", "电池 Battery", "Disqualified. Reason: " + REASON,
                "1 vote not counted");
        assertThat(fitsTheWidth()).isTrue();

        browser.manage().deleteAllCookies();
        browser.get(server.url("/polls/" + poll + "?lang=zh-CN"));
        assertThat(text("#ballots")).startsWith("共 3 张选票，计入 2 张；投给已取消资格项目的 1 张不计入。");
        assertThat(text("#set-aside-list")).contains("已取消资格。原因：" + REASON, "1 票不计入");
        JsonObject result = JsonParser.parseString(server.send("GET", "/api/v1/polls/" + poll, null, null).body())
                .getAsJsonObject().getAsJsonObject("result");
        assertThat(result.get("ballots").getAsLong()).isEqualTo(2);
        assertThat(result.get("cast").getAsLong()).isEqualTo(3);
        assertThat(result.getAsJsonArray("setAside").get(0).getAsJsonObject().get("reason").getAsString())
                .isEqualTo(REASON);
    }
}
