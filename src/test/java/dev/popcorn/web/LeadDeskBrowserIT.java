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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lead's desk in a real browser on a 360 px phone and a 1366 px window, in both languages (issue 28, items 11–13): the
 * index takes the lead to a part and stays in reach; a release sent with a mistyped team comes back with what was typed
 * and the lead at the field to fix; the release opened with its poll kept as a draft lands at the Award part with its
 * notice there. Nothing is wider than the screen. Screenshots go to {@code target/}. Skipped with a message where
 * Chromium is not installed, unless CI=true.
 */
class LeadDeskBrowserIT {

    private static final String LEAD = TestServer.ADMIN_TOKEN;

    @TempDir
    static Path data;

    static TestServer server;
    static WebDriver phone;
    static WebDriver desktop;

    @BeforeAll
    static void start() {
        Chromium.required("the lead's desk in the browser");
        server = TestServer.start(data, TestServer.FRIDAY, false);
        ApiClient api = new ApiClient(server);
        api.call("PUT", "/api/v1/teams/camera", "/api/v1/teams/{slug}", LEAD,
                "{\"name\":\"Camera\", \"nameZh\":\"相机\"}", 200);
        api.call("PUT", "/api/v1/teams/battery", "/api/v1/teams/{slug}", LEAD,
                "{\"name\":\"Battery\", \"nameZh\":\"电池\"}", 200);
        api.call("POST", "/api/v1/releases", "/api/v1/releases", LEAD, """
                {"version": "2026.11.20", "features": [
                  {"key": "POP-1", "summary": "Night mode", "summaryZh": "夜景模式", "team": "camera"},
                  {"key": "POP-3", "summary": "Quiet charging", "summaryZh": "静音充电", "team": "battery"}]}""", 201);
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
        walk(phone, "360", "en", "2026.11.27", "Participation", "The feature POP-9 belongs to the unknown team");
    }

    @Test
    void onAPhoneInChinese() throws Exception {
        walk(phone, "360", "zh-CN", "2026.11.28", "参与", "功能 POP-9 所属的团队“camra”不存在");
    }

    @Test
    void onADesktopInEnglish() throws Exception {
        walk(desktop, "1366", "en", "2026.11.29", "Participation", "The feature POP-9 belongs to the unknown team");
    }

    @Test
    void onADesktopInChinese() throws Exception {
        walk(desktop, "1366", "zh-CN", "2026.11.30", "参与", "功能 POP-9 所属的团队“camra”不存在");
    }

    private void walk(WebDriver browser, String width, String lang, String version, String part, String refusal)
            throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/lead/signin?lang=" + lang));
        browser.manage().addCookie(new Cookie("popcorn_session", server.leadSession()));
        JavascriptExecutor js = (JavascriptExecutor) browser;

        // The index: a part is one tap away and the index stays at the top of the screen below it.
        browser.get(server.url("/lead?lang=" + lang));
        fits(browser, "the desk");
        shot(browser, "lead-desk-" + width + "-" + lang);
        browser.findElement(By.linkText(part)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("#desk-participation"));
        assertThat(((Number) js.executeScript("return window.scrollY;")).doubleValue()).as("scrolled to the part")
                .isPositive();
        assertThat(
                ((Number) js.executeScript("return document.getElementById('desk-index').getBoundingClientRect().top;"))
                        .doubleValue())
                .as("the index is still in reach").isBetween(-1.0, 1.0);

        // A mistyped team: the form comes back as sent, the lead at the field, why beside it.
        browser.get(server.url("/lead?lang=" + lang));
        type(browser, "#open-release input[name=version]", version);
        type(browser, "#open-release textarea[name=features]", "POP-9 | Zoom | camra");
        submit(browser, "#open-release");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("refused")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#open-release input[name=version]")).getAttribute("value"))
                .isEqualTo(version);
        assertThat(browser.findElement(By.cssSelector("#open-release textarea[name=features]")).getAttribute("value"))
                .isEqualTo("POP-9 | Zoom | camra");
        assertThat(browser.findElement(By.id("open-release-features-error")).getText()).contains(refusal);
        assertThat(js.executeScript("return document.activeElement.name;")).as("the lead is taken to the field")
                .isEqualTo("features");
        fits(browser, "the refused form");
        shot(browser, "lead-refused-" + width + "-" + lang);

        // Fixed, and the poll kept as a draft: the desk lands at the Award part with its notice there.
        browser.findElement(By.cssSelector("#open-release textarea[name=features]")).clear();
        type(browser, "#open-release textarea[name=features]", "POP-9 | Zoom | camera");
        browser.findElement(By.cssSelector("#open-release input[name=draftPoll]")).click();
        submit(browser, "#open-release");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("done=releaseOpenedDraft"));
        assertThat(browser.getCurrentUrl()).endsWith("#desk-award");
        assertThat(browser.findElement(By.cssSelector("#desk-award #done")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#desk-award [id^=kept-draft-]"))).isNotEmpty();
        fits(browser, "the desk after opening a release");
        shot(browser, "lead-draft-" + width + "-" + lang);
    }

    private static void type(WebDriver browser, String css, String text) {
        browser.findElement(By.cssSelector(css)).sendKeys(text);
    }

    /** Sends the form with its own submit button, as a lead would. */
    private static void submit(WebDriver browser, String form) {
        org.openqa.selenium.WebElement button = browser.findElement(By.cssSelector(form + " button[type=submit]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
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
