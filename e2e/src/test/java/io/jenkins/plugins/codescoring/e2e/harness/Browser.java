package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: the system's headless Chromium ({@code e2e.chromium}: Debian's chromium or Ubuntu's
 * chromium-browser) driven by its chromedriver ({@code e2e.chromedriver}; no driver download), a fresh
 * profile, a language ({@code --lang} and Accept-Language), the browser console kept for inspection and
 * screenshots saved under {@code <work>/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String root;
    private final Locale locale;
    private final Path screenshots;
    private final Path profile;

    public Browser(String rootUrl, Locale locale, Path work) throws IOException {
        this.root = rootUrl;
        this.locale = locale;
        this.screenshots = Files.createDirectories(work.resolve("screenshots"));
        this.profile = Files.createTempDirectory(work, "chromium-profile-");
        String language = locale.getLanguage();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--window-size=1280,2000",
                "--user-data-dir=" + profile,
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver-" + language + ".log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Locale locale() {
        return locale;
    }

    /** Opens a page of Jenkins by its path (relative to the root URL), leaving any "unsaved changes" prompt. */
    public void open(String path) {
        try {
            driver.get(root + path);
        } catch (UnhandledAlertException e) {
            acceptAlert();
            driver.get(root + path);
        }
        acceptAlert();
        waitUntilLoaded();
    }

    /** Logs in through the login form, as a person does. */
    public void logIn(String user, String password) {
        open("login");
        driver.findElement(By.name("j_username")).sendKeys(user);
        driver.findElement(By.name("j_password")).sendKeys(password);
        driver.findElement(By.name("Submit")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        waitUntilLoaded();
    }

    public WebElement await(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement await(WebElement within, By locator) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = within.findElements(locator);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits (bounded) until the element's visible text is not blank and has not changed for half a second. */
    public String awaitText(WebElement element) {
        String[] last = {""};
        long[] since = {System.nanoTime()};
        return new WebDriverWait(driver, WAIT)
                .pollingEvery(Duration.ofMillis(100))
                .until(d -> {
                    String text = element.getText().trim();
                    if (!text.equals(last[0])) {
                        last[0] = text;
                        since[0] = System.nanoTime();
                        return null;
                    }
                    return !text.isEmpty() && System.nanoTime() - since[0] > 500_000_000L ? text : null;
                });
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    public void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Saves a screenshot of the window, or of one element, as {@code <language>-<name>.png}. */
    public Path screenshot(String name, WebElement element) throws IOException {
        byte[] png = element == null
                ? ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)
                : element.getScreenshotAs(OutputType.BYTES);
        Path file = screenshots.resolve(locale.getLanguage() + "-" + name + ".png");
        Files.write(file, png);
        return file;
    }

    /** The browser console's errors (SEVERE) since the last call, as "url message" lines. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private void waitUntilLoaded() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(script("return document.readyState")));
    }

    private void acceptAlert() {
        try {
            Alert alert = driver.switchTo().alert();
            alert.accept();
        } catch (NoAlertPresentException none) {
            // nothing to leave
        }
    }

    @Override
    public void close() {
        driver.quit();
        try {
            Cleanup.deleteTree(profile);
        } catch (IOException e) {
            // a profile left in the work folder does no harm
        }
    }
}
