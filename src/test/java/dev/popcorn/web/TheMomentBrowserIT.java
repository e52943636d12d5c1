package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fan's moment in a real browser on a 360 px phone and a desktop window, in both languages (issue 28): a fan rates
 * a feature and hands in the report; the saved panel lists what it earned, the badge and the level it reached; the home
 * page says what is next, dated; {@code /levels} marks their new level and {@code /badges} their badge; a friend who
 * opens the fan's page reads about the fan, not the owner's advice. Nothing is wider than the screen. Screenshots go to
 * {@code target/}. Skipped with a message where Chromium is not installed, unless CI=true.
 */
class TheMomentBrowserIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;

    @TempDir
    static Path data;

    static TestServer server;
    static long release;
    static WebDriver phone;
    static WebDriver desktop;

    @BeforeAll
    static void start() {
        Chromium.required("the fan's moment in the browser");
        server = TestServer.start(data, TestServer.FRIDAY, false,
                Map.of("levels.fan.needs", "20 points, 1 reports, 1 releases"));
        ApiClient api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Camera\"}", 200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD, "{\"name\":\"Battery\"}", 200);
        release = api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "summaryZh": "夜景模式", "team": "camera"},
                  {"key": "POP-3", "summary": "Quiet charging", "summaryZh": "静音充电", "team": "battery"}]}""", 201)
                .getAsJsonObject().getAsJsonObject("release").get("id").getAsLong();
        server.clock.advance(Duration.ofHours(2));
        phone = Chromium.phone();
        desktop = Chromium.window();
        desktop.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }

    @AfterAll
    static void stop() throws Exception {
        if (desktop != null) {
            desktop.quit();
        }
        Chromium.close(phone, server);
    }

    @Test
    void onAPhoneInEnglish() throws Exception {
        walk(phone, "360", "en", "phone-en",
                List.of("+10 report", "new badge: First report · Bronze", "You are now Fan!"),
                "Next build:", "Dee-en");
    }

    @Test
    void onAPhoneInChinese() throws Exception {
        walk(phone, "360", "zh-CN", "phone-zh", List.of("+10 报告", "新徽章：铜牌·初次报告", "你升级为“米粉”了！"), "下一个版本：", "Dee-zh");
    }

    @Test
    void onADesktopInEnglish() throws Exception {
        walk(desktop, "1366", "en", "desk-en", List.of("+10 report", "You are now Fan!"), "Next build:", "Dee-desk");
    }

    @Test
    void onADesktopInChinese() throws Exception {
        walk(desktop, "1366", "zh-CN", "desk-zh", List.of("+10 报告", "你升级为“米粉”了！"), "下一个版本：", "Dee-desk-zh");
    }

    private void walk(WebDriver browser, String width, String lang, String fan, List<String> moment, String next,
            String name)
            throws Exception {
        server.signedInOnce(fan, name);
        browser.manage().deleteAllCookies();
        browser.get(server.url("/?lang=" + lang));
        browser.manage().addCookie(new Cookie("popcorn_session", server.session(fan, name)));

        // The report: one feature rated, handed in with the form's own button.
        browser.get(server.url("/releases/" + release + "?lang=" + lang));
        browser.findElement(By.cssSelector("#feature-POP-1 input[value=LIKE]")).click();
        browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().contains("saved=1"));
        String panel = browser.findElement(By.id("saved-notice")).getText();
        assertThat(panel).contains(moment);
        assertThat(browser.findElement(By.id("promoted")).isDisplayed()).isTrue();
        fits(browser, "the saved panel");
        shot(browser, "moment-saved-" + width + "-" + lang);

        // Home: what is next, dated; the banner does not repeat what the panel told.
        browser.get(server.url("/?lang=" + lang));
        assertThat(browser.findElement(By.id("way-back")).getText()).contains(next);
        assertThat(browser.findElements(By.id("banners"))).isEmpty();
        fits(browser, "home");
        shot(browser, "moment-home-" + width + "-" + lang);

        // The ladder and the badges: their own level and badge marked.
        browser.get(server.url("/levels?lang=" + lang));
        assertThat(browser.findElement(By.id("level-fan")).getAttribute("aria-current")).isEqualTo("true");
        fits(browser, "/levels");
        shot(browser, "moment-levels-" + width + "-" + lang);
        browser.get(server.url("/badges/first-report?lang=" + lang));
        assertThat(browser.findElement(By.id("tier-bronze")).getText()).contains("✓");
        // (Who holds it is read at most once a minute: the walk of another language may have read it first.)
        fits(browser, "/badges/first-report");

        // A friend opens the fan's page: it speaks about the fan.
        browser.manage().deleteAllCookies();
        browser.get(server.url("/fans/" + fan + "?lang=" + lang));
        assertThat(browser.findElements(By.cssSelector(".level-card svg.meter"))).as("no owner's bars for a visitor")
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo(name);
        fits(browser, "the fan's public page");
        shot(browser, "moment-fan-page-" + width + "-" + lang);
    }

    private static void fits(WebDriver browser, String where) {
        assertThat(Chromium.fitsTheWidth(browser)).as(where + " is no wider than the screen: "
                + ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;"))
                .isTrue();
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
