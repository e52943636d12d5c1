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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Issue 28's fan pages on a 360 px phone in a real browser, in both languages: the approved announcement in the
 * reader's language, whose table scrolls inside itself with a shadow as its cue and never widens the page, even one
 * made wider by a project's long one-word title (item 20); and on the report form, every verdict's radio
 * and its words ("👎 Not good enough") on one line, the choices wrapping as whole units (item 25). Screenshots go to
 * {@code target/}. Skipped with a message where Chromium is not installed, unless CI=true.
 */
class FanPagesBrowserIT {

    /** One word longer than a phone is wide: it cannot wrap, so the table must scroll. */
    static final String LONG_TITLE = "Superquietovernightfastchargingforeverybodyeverywhere";

    @TempDir
    static Path data;

    static TestServer server;
    static AnnouncedWeek week;
    static AnnouncedWeek wide;
    static WebDriver phone;

    @BeforeAll
    static void start() {
        Chromium.required("the fan pages on a phone");
        server = TestServer.start(data, TestServer.FRIDAY, false);
        week = new AnnouncedWeek(server, "2026.11.20", "Quiet charging").disqualify().close().approve();
        wide = new AnnouncedWeek(server, "2026.11.27", LONG_TITLE).disqualify().close().approve();
        server.clock.advance(Duration.ofHours(2));
        phone = Chromium.phone();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.close(phone, server);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theAnnouncementIsInTheReadersLanguageAndItsTableFitsThePhone(String lang) throws Exception {
        phone.manage().deleteAllCookies();
        phone.get(server.url("/polls/" + week.poll + "?lang=" + lang));

        assertThat(phone.findElement(By.id("announcement-own")).getAttribute("lang")).isEqualTo(lang);
        assertThat(phone.findElement(By.id("announcement-sent")).getAttribute("open")).as("the post as sent is folded")
                .isNull();
        // Four columns do not fit 360 px even with their words wrapped: the table scrolls inside itself, with its cue.
        Map<String, Object> table = table();
        assertThat(((Number) table.get("right")).doubleValue()).as("the table ends within the screen")
                .isLessThanOrEqualTo(360);
        assertThat((String) table.get("image")).as("a shadow shows where more of the table is")
                .contains("radial-gradient");
        fits("the poll page (" + lang + ")");
        shot("screenshot-poll-announcement-phone" + ("en".equals(lang) ? "" : "-zh"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void aTableWiderThanThePhoneScrollsInsideItselfWithACue(String lang) throws Exception {
        phone.manage().deleteAllCookies();
        phone.get(server.url("/polls/" + wide.poll + "?lang=" + lang));

        Map<String, Object> table = table();
        assertThat(((Number) table.get("scroll")).intValue()).as("the table scrolls inside itself")
                .isGreaterThan(((Number) table.get("client")).intValue());
        assertThat(((Number) table.get("right")).doubleValue()).as("the table ends within the screen")
                .isLessThanOrEqualTo(360);
        assertThat((String) table.get("image")).as("a shadow shows where more of the table is")
                .contains("radial-gradient");
        assertThat((String) table.get("attachment")).contains("local", "scroll");
        fits("the poll page with a wide table (" + lang + ")");
        shot("fan-pages-wide-table-360-" + lang);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table() {
        return (Map<String, Object>) js("const t = document.querySelector('#announcement-own table');"
                + " t.scrollIntoView(); const s = getComputedStyle(t);"
                + " return {scroll: t.scrollWidth, client: t.clientWidth, right: t.getBoundingClientRect().right,"
                + " image: s.backgroundImage, attachment: s.backgroundAttachment};");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void everyVerdictSitsOnOneLineWithItsRadio(String lang) throws Exception {
        String fan = "verdicts-" + lang;
        server.signedInOnce(fan, fan);
        phone.manage().deleteAllCookies();
        phone.get(server.url("/?lang=" + lang));
        phone.manage().addCookie(new Cookie("popcorn_session", server.session(fan, fan)));
        phone.get(server.url("/releases/" + wide.release + "?lang=" + lang));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> choices = (List<Map<String, Object>>) js(
                "return Array.from(document.querySelectorAll("
                        + "'.feature .choices label')).map(label => {"
                        + " const radio = label.querySelector('input').getBoundingClientRect();"
                        + " const word = label.querySelector('.verdict-word'); const box = word.getBoundingClientRect();"
                        + " const range = document.createRange(); range.selectNodeContents(word);"
                        + " const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;"
                        + " return {text: word.textContent.trim(), lines: lines, radioLeftOfWords: radio.right <= box.left,"
                        + " sameLine: radio.top < box.bottom && radio.bottom > box.top, right: label.getBoundingClientRect().right};});");
        assertThat(choices).hasSize(6);
        assertThat(choices).extracting(c -> c.get("text"))
                .contains("en".equals(lang) ? "👎 Not good enough" : "👎 不够好");
        for (Map<String, Object> choice : choices) {
            assertThat(((Number) choice.get("lines")).intValue()).as(choice.get("text") + " is one line").isEqualTo(1);
            assertThat(choice.get("sameLine")).as(choice.get("text") + " shares its radio's line").isEqualTo(true);
            assertThat(choice.get("radioLeftOfWords")).as(choice.get("text") + ": the radio, then its words")
                    .isEqualTo(true);
            assertThat(((Number) choice.get("right")).doubleValue()).as(choice.get("text") + " within the screen")
                    .isLessThanOrEqualTo(360);
        }
        fits("the report form (" + lang + ")");
        js("document.querySelector('.feature').scrollIntoView();");
        shot("fan-pages-verdicts-360-" + lang);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) phone).executeScript(script);
    }

    private static void fits(String where) {
        // On failure, the innermost elements that reach past the screen, to say what widens the page.
        Object past = js(
                "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361"
                        + " && !Array.from(e.children).some(c => c.getBoundingClientRect().right > 361) && !e.closest('table'))"
                        + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40)).join(' | ');");
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
                .as(where + " is no wider than the phone; past it: " + past).isLessThanOrEqualTo(360);
        assertThat(Chromium.fitsTheWidth(phone)).as(where).isTrue();
    }

    private static void shot(String name) throws Exception {
        Path shot = ((TakesScreenshot) phone).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
