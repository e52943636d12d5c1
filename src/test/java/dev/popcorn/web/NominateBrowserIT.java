package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.TestServer;
import dev.popcorn.app.identity.Passes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The nominate form of a draft poll in headless Chromium on a 360 px phone: a fan of the level
 * fills it by keyboard (Tab from field to field, Enter on the button) in Chinese, and a newcomer
 * reads which level it takes in English. Skipped with a message where Chromium is not installed,
 * unless CI=true (as {@link BrowserIT}).
 */
class NominateBrowserIT {

    @TempDir
    static Path data;

    static TestServer server;
    static WebDriver browser;
    static long poll;

    @BeforeAll
    static void start() {
        Chromium.required("the nomination page test");
        server = TestServer.start(data, TestServer.FRIDAY, false);
        server.send("PUT", "/api/v1/teams/camera", TestServer.ADMIN_TOKEN,
                "{\"name\": \"相机团队 Camera\", \"members\": []}");
        server.send("PUT", "/api/v1/teams/battery", TestServer.ADMIN_TOKEN,
                "{\"name\": \"电池 Battery\", \"members\": []}");
        String opened = server.send("POST", "/api/v1/releases", TestServer.ADMIN_TOKEN, """
                {"version": "2026.11.20", "features": [
                  {"key": "MIUI-2101", "summary": "Night mode in the camera", "team": "camera"},
                  {"key": "MIUI-2102", "summary": "Quiet charging", "team": "battery"}]}""").body();
        poll = com.google.gson.JsonParser.parseString(opened).getAsJsonObject().getAsJsonObject("poll").get("id")
                .getAsLong();
        server.lockLevel("fan-1", "enthusiast");
        browser = Chromium.phone();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.close(browser, server);
    }

    private static void signInWith(String link) {
        Chromium.signIn(browser, link);
    }

    private static boolean fitsTheWidth() {
        return Chromium.fitsTheWidth(browser);
    }

    private static String focused() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    @Test
    void aFanOfTheLevelNominatesByKeyboardOnANarrowPhone() {
        signInWith(server.popcorn.link("fan-1", "小米粉 One", Passes.Role.USER));
        browser.get(server.url("/polls/" + poll + "?lang=zh-CN"));
        assertThat(browser.findElement(By.id("nominate-title")).getText()).isEqualTo("提名候选项目");
        assertThat(fitsTheWidth()).as("the poll page with the form fits 360 px").isTrue();
        WebElement submit = browser.findElement(By.id("nominate-submit"));
        assertThat(submit.getSize().getHeight()).as("a button a thumb can hit").isGreaterThanOrEqualTo(44);
        assertThat(submit.getRect().getX() + submit.getSize().getWidth()).isLessThanOrEqualTo(360);

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("nominate-team"))).selectByValue("battery");
        WebElement project = browser.findElement(By.id("nominate-project"));
        project.click();
        project.sendKeys("安静充电 <Quiet>", Keys.TAB);
        // On a Chinese page the project's English name comes next (optional): English pages will show it.
        assertThat(focused()).isEqualTo("nominate-title-en");
        browser.switchTo().activeElement().sendKeys("Quiet charging", Keys.TAB);
        assertThat(focused()).isEqualTo("nominate-pitch");
        browser.switchTo().activeElement().sendKeys("夜里充电没有声音", Keys.TAB);
        assertThat(focused()).isEqualTo("nominate-submit");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().contains("nominated=1"));
        assertThat(browser.findElement(By.id("nominated")).getText()).isEqualTo("谢谢！你的提名正在等待负责人处理。");
        assertThat(browser.findElement(By.id("my-nominations")).getText())
                .contains("安静充电 <Quiet>", "· Quiet charging", "电池 Battery", "等待负责人处理");
        assertThat(fitsTheWidth()).as("the page after nominating fits 360 px").isTrue();
        assertThat(server.send("GET", "/api/v1/polls/" + poll + "/nominations", TestServer.ADMIN_TOKEN, null).body())
                .contains("\"userId\":\"fan-1\"", "\"teamSlug\":\"battery\"", "\"titleEn\":\"Quiet charging\"",
                        "\"pitch\":\"夜里充电没有声音\"");
    }

    @Test
    void aNewcomerReadsWhichLevelNominatingTakes() {
        signInWith(server.popcorn.link("fan-9", "Nine", Passes.Role.USER));
        browser.get(server.url("/polls/" + poll + "?lang=en"));
        assertThat(browser.findElement(By.id("nominate-needs-level")).getText())
                .isEqualTo("Nominating projects is open from the level Enthusiast; you are Newcomer."
                        + " Keep reporting on each release to get there.");
        assertThat(browser.findElements(By.id("nominate-form"))).isEmpty();
        assertThat(fitsTheWidth()).isTrue();
    }
}
