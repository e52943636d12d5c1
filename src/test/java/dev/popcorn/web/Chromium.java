package dev.popcorn.web;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The real browser of the page tests: Debian's headless Chromium through its chromedriver. Where it
 * is not installed the calling test class is skipped with a message, unless {@code CI=true}, where
 * it must be there.
 */
final class Chromium {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Opens a personal sign-in link and confirms it (a link alone signs nobody in), as a fresh visitor. */
    static void signIn(WebDriver browser, String link) {
        browser.manage().deleteAllCookies();
        browser.get(link);
        browser.findElement(org.openqa.selenium.By.id("signin-confirm")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> !driver.getCurrentUrl().contains("/signin/"));
    }

    /** Whether the page is no wider than the viewport: nothing scrolls sideways. */
    static boolean fitsTheWidth(WebDriver browser) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    /** Ends a page test class: its browser, then its server (either may not have started). */
    static void close(WebDriver browser, AutoCloseable server) throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Skips the calling tests (or fails in CI) when Chromium or chromedriver is missing. */
    static void required(String what) {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver for the page tests");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed (apt-get install chromium"
                + " chromium-driver); skipping " + what + ". They are required when CI=true.");
    }

    /** A browser in a 412 × 915 window (a large phone held upright). */
    static WebDriver window() {
        return start(options());
    }

    /** A browser whose viewport is a 360 px phone (a desktop window cannot be made that narrow; a phone's viewport can). */
    static WebDriver phone() {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 360, "height", 740, "pixelRatio", 2.0)));
        return start(options);
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=412,915");
        return options;
    }

    private static WebDriver start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }
}
