package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import dev.popcorn.app.identity.Passes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Every page of the demo week on a 360 px phone, in both languages, signed out and signed in as a fan and as
 * a lead: none is wider than the screen, and every link and button of the header is a 44 px target.
 */
class PhoneWidthBrowserIT {

    @TempDir
    static Path data;

    static TestServer server;
    static WebDriver phone;

    @BeforeAll
    static void start() {
        Chromium.required("the phone page tests");
        server = TestServer.start(data, TestServer.FRIDAY.plus(Duration.ofDays(1)), true);
        phone = Chromium.phone();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.close(phone, server);
    }

    @Test
    void noPageScrollsSidewaysAndTheHeaderIsThumbSized() {
        JsonObject newest = JsonParser.parseString(server.send("GET", "/api/v1/releases", null, null).body())
                .getAsJsonArray().get(0).getAsJsonObject();
        String release = "/releases/" + newest.get("id").getAsLong();
        String poll = "/polls/" + newest.get("pollId").getAsLong();
        List<String> fanPages = List.of("/", release, poll, "/wishes/1", "/winners", "/leaderboards", "/levels",
                "/badges",
                "/badges/first-report", "/signin");
        List<String> failures = new ArrayList<>();
        phone.manage().deleteAllCookies();
        sweep(fanPages, failures);
        Chromium.signIn(phone, server.popcorn.link("demo-lily", "Lily Zhao", Passes.Role.USER));
        sweep(fanPages, failures);
        sweep(List.of("/me", "/fans/demo-lily/share"), failures);
        Chromium.signIn(phone, server.popcorn.link("lead", "Lead", Passes.Role.LEAD));
        sweep(List.of("/lead"), failures);
        assertThat(failures).isEmpty();
    }

    private static void sweep(List<String> pages, List<String> failures) {
        for (String lang : List.of("zh-CN", "en")) {
            for (String page : pages) {
                phone.get(server.url(page + "?lang=" + lang));
                String where = page + " (" + lang + ")";
                if (!Chromium.fitsTheWidth(phone)) {
                    failures.add(where + " is " + ((JavascriptExecutor) phone)
                            .executeScript("return document.documentElement.scrollWidth;") + " px wide");
                }
                Object small = ((JavascriptExecutor) phone).executeScript("return Array.from(document.querySelectorAll("
                        + "'header.top a, header.top button')).filter(e => e.getBoundingClientRect().height < 44)"
                        + ".map(e => e.textContent.trim()).join(', ');");
                if (!String.valueOf(small).isEmpty()) {
                    failures.add(where + ": header targets under 44 px: " + small);
                }
                assertThat(phone.findElements(By.cssSelector("header.top"))).as(where).hasSize(1);
            }
        }
    }
}
