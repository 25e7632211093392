package io.jenkins.plugins.codescoring.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.codescoring.e2e.harness.Browser;
import io.jenkins.plugins.codescoring.e2e.harness.CspCollector;
import io.jenkins.plugins.codescoring.e2e.harness.CspReports;
import io.jenkins.plugins.codescoring.e2e.harness.FreePort;
import io.jenkins.plugins.codescoring.e2e.harness.JobXml;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs.Build;
import io.jenkins.plugins.codescoring.e2e.harness.PluginTexts;
import io.jenkins.plugins.codescoring.e2e.harness.RealController;
import io.jenkins.plugins.codescoring.e2e.harness.Report;
import io.jenkins.plugins.codescoring.e2e.harness.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plugin's pages in Chromium, as a person uses them: log in; the global configuration with Test
 * connection (success and each failure); a freestyle job's configuration with every help opened; the
 * Snippet Generator, whose line then runs in a Pipeline; the build summary, the results page and the job
 * page with its trend; the same in Russian. Every page is served with a report-only Content Security Policy
 * that forbids inline script and style; no report and no console error may come from the plugin's views.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BrowserE2ETest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String TREND_JOB = "trend";
    private static final String[] TREND_PROJECTS = {
        "shop-backend", "Inventory Service", "billing", "shop-backend", "shop"
    };
    private static final String BUILDER =
            "div.repeated-chunk[descriptorid='io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder']";

    private static final CspCollector CSP = collector();

    @ClassRule
    public static final RealController WORLD = new RealController("browser", "2")
            .withInitScript("csp-report-only.groovy", resource("/csp-report-only.groovy"))
            .withSystemProperty("e2e.cspReportUri", CSP.reportUri());

    private static PluginTexts texts;
    private static final List<String> OUR_CONSOLE_ERRORS = new ArrayList<>();
    private static final List<String> OTHER_CONSOLE_ERRORS = new ArrayList<>();
    private static final List<String> OUR_INLINE_CODE = new ArrayList<>();
    private static int lastBuild;

    @BeforeClass
    public static void readPluginTexts() throws IOException {
        texts = PluginTexts.read(WORLD.files().hpi());
    }

    @AfterClass
    public static void stopCollector() {
        CSP.close();
    }

    @Test
    public void a_buildsToLookAt() throws Exception {
        Jobs jobs = WORLD.jobs();
        jobs.create(
                "",
                TREND_JOB,
                JobXml.pipeline(
                        "def r = codescoringScan project: params.PROJECT, onBlocking: 'UNSTABLE'\necho \"E2E map=${r}\"\n",
                        "PROJECT",
                        "shop"));
        jobs.create("", "freestyle", JobXml.freestyle("billing", "build", null, "env | grep '^CODESCORING_' | sort"));
        // One after the other, so that build numbers follow the projects and the trend has a shape.
        for (String project : TREND_PROJECTS) {
            int number = jobs.numberOf(TREND_JOB, jobs.queueWithParameters(TREND_JOB, "PROJECT", project));
            Build build = jobs.await(TREND_JOB, number, BUILD_TIMEOUT);
            Report.line(WORLD.files(), "browser: " + build + " " + project);
            lastBuild = number;
        }
    }

    @Test
    public void b_globalConfigurationTestsTheConnection() throws Exception {
        try (Browser browser = browser(EN)) {
            browser.open("manage/configure");
            look(browser, "manage/configure");
            String sim = WORLD.simulator().url();
            String closed = "http://127.0.0.1:" + FreePort.pick();
            testConnection(browser, sim, RealController.CREDENTIAL, null, texts.message(EN, "ConnectionTest.Ok", sim));
            browser.screenshot("global-configuration", section(browser));
            testConnection(browser, "", RealController.CREDENTIAL, null, texts.message(EN, "ConnectionTest.NoUrl"));
            testConnection(browser, sim, "", null, texts.message(EN, "ConnectionTest.NoCredentials"));
            testConnection(
                    browser,
                    sim,
                    RealController.WRONG_CREDENTIAL,
                    null,
                    texts.message(EN, "ConnectionTest.TokenRejected", sim, RealController.WRONG_CREDENTIAL));
            testConnection(
                    browser,
                    closed,
                    RealController.CREDENTIAL,
                    null,
                    texts.message(EN, "ConnectionTest.Unreachable", closed));
            testConnection(
                    browser,
                    sim,
                    RealController.CREDENTIAL,
                    "fault?kind=html&times=100",
                    texts.message(EN, "ConnectionTest.NotCodescoring", sim));
            testConnection(
                    browser,
                    sim,
                    RealController.CREDENTIAL,
                    "fault?kind=malformed-json&times=100",
                    texts.message(EN, "ConnectionTest.Unreadable", sim));
            testConnection(
                    browser,
                    sim,
                    RealController.CREDENTIAL,
                    "fault?kind=status&code=503&times=100",
                    texts.message(EN, "ConnectionTest.ServerError", sim));
            look(browser, "manage/configure after Test connection");
        }
    }

    @Test
    public void c_freestyleConfigurationShowsEveryHelp() throws Exception {
        for (Locale locale : List.of(EN, RU)) {
            try (Browser browser = browser(locale)) {
                browser.open("job/freestyle/configure");
                WebElement builder = browser.await(By.cssSelector(BUILDER));
                for (WebElement advanced :
                        builder.findElements(By.cssSelector("button.advanced-button, button.advancedButton"))) {
                    browser.scrollTo(advanced);
                    advanced.click();
                }
                List<WebElement> buttons = builder.findElements(By.cssSelector("a.jenkins-help-button"));
                assertThat("help buttons of the CodeScoring step", buttons.size(), greaterThanOrEqualTo(7));
                for (WebElement button : buttons) {
                    browser.scrollTo(button);
                    button.click();
                }
                List<String> shown = helpTexts(browser, builder, buttons.size());
                List<String> ours = texts.helpTexts(locale).stream()
                        .map(BrowserE2ETest::squeeze)
                        .collect(Collectors.toList());
                for (String help : shown) {
                    String start = squeeze(help)
                            .substring(0, Math.min(60, squeeze(help).length()));
                    assertTrue(
                            locale + " help shown is not one of the plugin's: " + help,
                            ours.stream().anyMatch(text -> text.startsWith(start)));
                }
                Report.line(
                        WORLD.files(),
                        "browser (" + locale + "): freestyle configuration, " + shown.size() + " helps opened");
                browser.screenshot("freestyle-configuration", builder);
                look(browser, "job/freestyle/configure");
            }
        }
    }

    @Test
    public void d_snippetGeneratorLineRunsInAPipeline() throws Exception {
        String snippet;
        try (Browser browser = browser(EN)) {
            browser.open("job/" + TREND_JOB + "/pipeline-syntax/");
            WebElement steps = browser.await(By.cssSelector("select.dropdownList"));
            Select choice = new Select(steps);
            WebElement option = choice.getOptions().stream()
                    .filter(o -> o.getText().startsWith("codescoringScan"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("codescoringScan is not in the Snippet Generator"));
            String label = option.getText();
            choice.selectByVisibleText(label);
            WebElement project = browser.await(By.cssSelector("input[name='_.project']"));
            project.sendKeys("shop");
            new Select(browser.await(By.cssSelector("select[name='_.stage']"))).selectByValue("build");
            new Select(browser.await(By.cssSelector("select[name='_.onBlocking']"))).selectByValue("UNSTABLE");
            WebElement generate = browser.await(By.id("generatePipelineScript"));
            browser.scrollTo(generate);
            generate.click();
            WebElement text = browser.await(By.id("prototypeText"));
            snippet = new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
                String value = text.getDomProperty("value");
                return value == null || value.isBlank() ? null : value.trim();
            });
            browser.screenshot("snippet-generator", null);
            look(browser, "pipeline-syntax");
            Report.line(WORLD.files(), "browser: Snippet Generator offers \"" + label + "\" and writes: " + snippet);
        }
        assertThat(snippet, startsWith("codescoringScan "));
        assertThat(snippet, containsString("project: 'shop'"));
        assertThat(snippet, containsString("stage: 'build'"));
        assertThat(snippet, containsString("onBlocking: 'UNSTABLE'"));
        WORLD.jobs().create("", "pasted", JobXml.pipeline("def r = " + snippet + "\necho \"E2E map=${r}\"\n"));
        Build pasted = WORLD.jobs().run("pasted", BUILD_TIMEOUT);
        Report.line(
                WORLD.files(), "browser: the pasted snippet ran: " + pasted + " " + Report.summary(pasted.console()));
        assertEquals(pasted.console(), "UNSTABLE", pasted.result());
        assertThat(pasted.console(), containsString("verdict:BLOCKED"));
        assertThat(pasted.console(), containsString("project:shop, stage:build"));
    }

    @Test
    public void e_resultPagesInEnglish() throws Exception {
        resultPages(EN);
    }

    @Test
    public void f_resultPagesAndConfigurationInRussian() throws Exception {
        resultPages(RU);
        try (Browser browser = browser(RU)) {
            browser.open("manage/configure");
            String sim = WORLD.simulator().url();
            testConnection(browser, sim, RealController.CREDENTIAL, null, texts.message(RU, "ConnectionTest.Ok", sim));
            testConnection(
                    browser,
                    sim,
                    RealController.WRONG_CREDENTIAL,
                    null,
                    texts.message(RU, "ConnectionTest.TokenRejected", sim, RealController.WRONG_CREDENTIAL));
            browser.screenshot("global-configuration", section(browser));
            look(browser, "manage/configure (ru)");
        }
    }

    /**
     * The freestyle step's Platform field takes a build variable: typed into the field, saved with the form, expanded
     * by the build (a known name scans on that platform; an unknown one fails naming it, so the value came from the
     * parameter, not the form).
     */
    @Test
    public void g_freestylePlatformTakesATypedBuildVariable() throws Exception {
        String job = "typed-platform";
        String host = java.net.URI.create(WORLD.simulator().url()).getHost();
        WORLD.jobs()
                .create(
                        "",
                        job,
                        JobXml.freestyle("billing", "build", null, "echo scanned")
                                .replace(
                                        "<project>\n",
                                        "<project>\n  <properties>\n    <hudson.model.ParametersDefinitionProperty>\n      <parameterDefinitions>\n"
                                                + "        <hudson.model.StringParameterDefinition>\n          <name>PLATFORM</name>\n"
                                                + "          <defaultValue>" + host
                                                + "</defaultValue>\n        </hudson.model.StringParameterDefinition>\n"
                                                + "      </parameterDefinitions>\n    </hudson.model.ParametersDefinitionProperty>\n  </properties>\n"));
        try (Browser browser = browser(EN)) {
            browser.open("job/" + job + "/configure");
            WebElement builder = browser.await(By.cssSelector(BUILDER));
            WebElement platform = browser.await(builder, By.cssSelector("input[name='_.platform']"));
            browser.scrollTo(platform);
            platform.click();
            platform.clear();
            platform.sendKeys("${PLATFORM}", Keys.TAB);
            assertEquals("${PLATFORM}", platform.getDomProperty("value"));
            browser.screenshot("freestyle-platform-variable", builder);
            look(browser, "job/" + job + "/configure");
            WebElement save = browser.await(By.cssSelector("button[name='Submit']"));
            browser.scrollTo(save);
            save.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> !d.getCurrentUrl().contains("/configure"));
        }
        Jobs jobs = WORLD.jobs();
        Build known =
                jobs.await(job, jobs.numberOf(job, jobs.queueWithParameters(job, "PLATFORM", host)), BUILD_TIMEOUT);
        Report.line(
                WORLD.files(),
                "browser: ${PLATFORM} typed into the freestyle step, built with PLATFORM=" + host + ": " + known + " "
                        + Report.summary(known.console()));
        assertThat(known.console(), containsString("on the platform " + host));
        Build unknown = jobs.await(
                job, jobs.numberOf(job, jobs.queueWithParameters(job, "PLATFORM", "nowhere")), BUILD_TIMEOUT);
        Report.line(WORLD.files(), "browser: the same job with PLATFORM=nowhere: " + unknown);
        assertEquals(unknown.console(), "FAILURE", unknown.result());
        assertThat(unknown.console(), containsString("No CodeScoring platform is named 'nowhere'"));
    }

    /**
     * blockOn NEW in a real controller: the build passes while the old blocking alerts stay, fails when the simulator
     * adds one, and its pages mark that one as new and link the reference build.
     */
    @Test
    public void h_blockOnNewMarksTheNewAlert() throws Exception {
        Jobs jobs = WORLD.jobs();
        String job = "new-alerts";
        jobs.create(
                "",
                job,
                JobXml.pipeline("def r = codescoringScan project: 'shop', blockOn: 'NEW'\n"
                        + "echo \"E2E new=${r.newBlockingAlerts} reference=${r.referenceBuild}\"\n"));
        try {
            WORLD.simulator().control("dataset?value=two-blockers");
            Build first = jobs.run(job, BUILD_TIMEOUT);
            assertEquals(first.console(), "FAILURE", first.result());
            assertThat(first.console(), containsString("2 blocking alerts, all new (no reference build"));
            Build same = jobs.run(job, BUILD_TIMEOUT);
            assertEquals(same.console(), "SUCCESS", same.result());
            assertThat(
                    same.console(),
                    containsString("CodeScoring verdict: PASSED — no new blocking alerts, 2 already blocking"));
            assertThat(same.console(), containsString("E2E new=0 reference=" + first.number()));
            WORLD.simulator().control("dataset?value=three-blockers");
            Build more = jobs.run(job, BUILD_TIMEOUT);
            assertEquals(more.console(), "FAILURE", more.result());
            assertThat(more.console(), containsString("3 blocking alerts, 1 new since build #" + same.number()));
            Report.line(
                    WORLD.files(),
                    "browser: blockOn NEW " + first + ", " + same + " (old alerts stay), " + more + " (one added)");

            try (Browser browser = browser(EN)) {
                browser.open("job/" + job + "/" + more.number() + "/");
                WebElement summary = browser.await(By.cssSelector(".codescoring-summary"));
                assertThat(summary.getText(), containsString("3 blocking alerts, 1 new since build #" + same.number()));
                assertEquals(
                        1,
                        summary.findElements(By.cssSelector(".codescoring-new-mark"))
                                .size());
                inlineCodeIn(browser, summary, "build summary with new alerts");
                summary.findElement(By.cssSelector("a")).click();
                WebElement main = browser.await(By.id("main-panel"));
                List<WebElement> newRows = main.findElements(By.cssSelector("tr.codescoring-new-alert"));
                assertEquals(1, newRows.size());
                assertThat(newRows.get(0).getText(), containsString("pkg:maven/org.springframework/spring-web@5.3.20"));
                assertThat(
                        newRows.get(0)
                                .findElement(By.cssSelector(".codescoring-new-mark"))
                                .getText(),
                        is("new"));
                WebElement firstRow = main.findElements(By.cssSelector("table.codescoring-alerts tbody tr"))
                        .get(0);
                assertThat("the new alert comes first", firstRow.getText(), containsString("spring-web"));
                WebElement reference = main.findElement(By.cssSelector("a.codescoring-reference"));
                assertEquals("#" + same.number(), reference.getText());
                assertThat(main.getText(), containsString("Decided by the rule blockOn NEW"));
                inlineCodeIn(browser, main, "results page with new alerts");
                browser.screenshot("new-alerts", main);
                look(browser, "results page with new alerts");
                reference.click();
                browser.await(By.cssSelector(".codescoring-summary"));
                assertThat(browser.driver().getCurrentUrl(), containsString("/job/" + job + "/" + same.number() + "/"));
            }
            Report.line(
                    WORLD.files(),
                    "browser: the results page marks the one new alert first and links build #" + same.number());
        } finally {
            WORLD.simulator().control("dataset?value=demo");
        }
    }

    @Test
    public void z_noConsoleErrorNorInlineCodeFromOurViews() {
        List<String> ourReports = new ArrayList<>();
        Map<String, Integer> others = new TreeMap<>();
        for (JsonNode report : CSP.reports()) {
            if (CspReports.ours(report, texts)) {
                ourReports.add(report.toString());
            } else {
                others.merge(report.path("violated-directive").asText("?"), 1, Integer::sum);
            }
        }
        Report.line(
                WORLD.files(),
                "browser: CSP reports " + CSP.reports().size() + " (from our views and resources: "
                        + ourReports.size() + ", Jenkins' own by directive: " + others
                        + "); console errors from our pages "
                        + OUR_CONSOLE_ERRORS.size() + ", elsewhere " + OTHER_CONSOLE_ERRORS.size()
                        + "; inline script or style in our views " + OUR_INLINE_CODE);
        Report.line(
                WORLD.files(),
                "browser: secrets searched in " + WORLD.secrets().pagesChecked() + " pages and answers, findings "
                        + WORLD.secrets().findings());
        for (String error : OTHER_CONSOLE_ERRORS) {
            Report.line(WORLD.files(), "browser: console error not ours: " + error);
        }
        assertThat(ourReports, is(empty()));
        assertThat(OUR_CONSOLE_ERRORS, is(empty()));
        assertThat(OUR_INLINE_CODE, is(empty()));
        assertThat(WORLD.secrets().findings(), is(empty()));
    }

    private static void resultPages(Locale locale) throws Exception {
        try (Browser browser = browser(locale)) {
            browser.open("job/" + TREND_JOB + "/" + lastBuild + "/");
            WebElement summary = browser.await(By.cssSelector(".codescoring-summary"));
            assertThat(summary.getText(), containsString("BLOCKED"));
            assertThat(summary.getText(), containsString("Critical vulnerabilities (CVSS >= 7)"));
            assertThat("words stay apart", summary.getText(), not(containsString(")\u2014")));
            inlineCodeIn(browser, summary, "build summary");
            browser.screenshot("build-summary", summary.findElement(By.xpath("./ancestor::tr[1]")));
            look(browser, "build page");

            summary.findElement(By.cssSelector("a")).click();
            WebElement main = browser.await(By.id("main-panel"));
            assertThat(main.findElement(By.tagName("h1")).getText(), containsString("BLOCKED"));
            assertThat(main.getText(), containsString(texts.label("CodescoringResultAction/index", locale, "Verdict")));
            assertThat(main.getText(), containsString("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
            assertThat(main.getText(), containsString("CVE-2021-44228"));
            WebElement policy = main.findElement(By.tagName("h3"));
            assertEquals(
                    "Critical vulnerabilities (CVSS >= 7) (critical)",
                    policy.getText().replace('\u00a0', ' '));
            List<WebElement> tables = main.findElements(By.tagName("table"));
            browser.screenshot("blocking-alerts", tables.get(tables.size() - 1));
            inlineCodeIn(browser, main, "results page");
            browser.screenshot("results-page", main);
            look(browser, "results page");

            browser.open("job/" + TREND_JOB + "/");
            WebElement results = browser.await(By.cssSelector(".codescoring-job-results"));
            assertThat(
                    results.getText(),
                    containsString(texts.label("CodescoringJobAction/jobMain", locale, "trendTitle")));
            WebElement chart = results.findElement(By.cssSelector("img.codescoring-trend"));
            browser.scrollTo(chart);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> Boolean.TRUE.equals(
                            browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", chart)));
            inlineCodeIn(browser, results, "job page");
            browser.screenshot("job-page", results);
            look(browser, "job page");
            Report.line(
                    WORLD.files(),
                    "browser (" + locale + "): build summary, results page and job page with the trend of "
                            + TREND_PROJECTS.length + " builds shown");
        }
    }

    /** Text without any blank, to compare a page's rendering with the HTML it came from. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The URL of the first CodeScoring platform: Jenkins' own URL field (Jenkins Location) is named _.url too. */
    private static final By PLATFORM_URL_FIELD =
            By.cssSelector("input[name='_.url'][checkurl*='codescoring.config.Platform']");

    private static Browser browser(Locale locale) throws IOException {
        Browser browser = new Browser(WORLD.jenkins().url(), locale, WORLD.work());
        browser.logIn(RealController.USER, WORLD.password());
        return browser;
    }

    /** Types the URL and picks the credential in the CodeScoring section, presses Test connection, checks the message. */
    private static void testConnection(Browser browser, String url, String credential, String fault, String expected)
            throws Exception {
        WebElement field = browser.await(PLATFORM_URL_FIELD);
        browser.scrollTo(field);
        field.clear();
        field.sendKeys(url, Keys.TAB);
        // The credential list is filled again for the new URL (its domains): pick only once that is done.
        WebElement select = field.findElement(By.xpath("following::select[@name='_.credentialsId'][1]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(200))
                .until(d -> {
                    boolean settled = new Select(select).getOptions().size() > 1
                            && !String.valueOf(select.getDomAttribute("class")).contains("select-ajax-pending");
                    if (settled) {
                        new Select(select).selectByValue(credential);
                    }
                    return settled && credential.equals(select.getDomProperty("value"));
                });
        Wait.sleep(Duration.ofMillis(500));
        assertEquals("the credential picked", credential, select.getDomProperty("value"));
        WebElement button = browser.await(By.cssSelector("button[data-validate-button-method='testConnection']"));
        WebElement status = button.findElement(By.xpath("following-sibling::div[contains(@class,'status')][1]"));
        browser.script("arguments[0].innerHTML = '';", status);
        if (fault != null) {
            WORLD.simulator().control(fault);
        }
        try {
            browser.scrollTo(button);
            button.click();
            String shown = browser.awaitText(status);
            Report.line(
                    WORLD.files(),
                    "browser (" + browser.locale() + "): Test connection [" + (url.isEmpty() ? "no URL" : url) + ", "
                            + (credential.isEmpty() ? "no credential" : credential)
                            + (fault == null ? "" : ", " + fault) + "]: " + shown);
            assertEquals(expected, shown);
        } finally {
            if (fault != null) {
                WORLD.simulator().control("clear-faults");
            }
        }
    }

    private static WebElement section(Browser browser) {
        WebElement field = browser.await(PLATFORM_URL_FIELD);
        return field.findElement(By.xpath("ancestor::*[contains(@class,'jenkins-section')][1]"));
    }

    /** Waits until {@code count} help areas of the element show text; answers their texts. */
    private static List<String> helpTexts(Browser browser, WebElement within, int count) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            List<String> shown = new ArrayList<>();
            for (WebElement help : within.findElements(By.cssSelector(".help-area .help"))) {
                String text = help.getText().replaceAll("\\s+", " ").trim();
                if (help.isDisplayed()
                        && !text.isEmpty()
                        && help.findElements(By.cssSelector(".jenkins-spinner")).isEmpty()) {
                    shown.add(text);
                }
            }
            return shown.size() >= count ? shown : null;
        });
    }

    /** Records inline script, style or event handlers inside one of our views (none are allowed). */
    private static void inlineCodeIn(Browser browser, WebElement view, String where) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.script(
                String.join(
                        "\n",
                        "const found = [];",
                        "for (const el of [arguments[0], ...arguments[0].querySelectorAll('*')]) {",
                        "  if (el.hasAttribute('style')) found.push(el.tagName + '[style]');",
                        "  for (const a of el.attributes) if (a.name.startsWith('on')) found.push(el.tagName + '[' + a.name + ']');",
                        "  if (el.tagName === 'SCRIPT' && !el.src) found.push('inline SCRIPT');",
                        "  if (el.tagName === 'STYLE') found.push('STYLE element');",
                        "}",
                        "return found;"),
                view);
        for (String item : found) {
            OUR_INLINE_CODE.add(where + ": " + item);
        }
    }

    /** Sorts the console errors of the page just seen: ours when they name the plugin or come from its pages. */
    private static void look(Browser browser, String page) {
        String url = browser.driver().getCurrentUrl();
        WORLD.secrets()
                .checkPage("browser " + url, browser.driver().getPageSource().getBytes(StandardCharsets.UTF_8));
        for (String error : browser.consoleErrors()) {
            if (error.contains("[Report Only]")) {
                continue; // CSP reports, sorted in z_ from what the collector received
            }
            boolean ours = error.toLowerCase(Locale.ROOT).contains("codescoring") || url.contains("/codescoring");
            (ours ? OUR_CONSOLE_ERRORS : OTHER_CONSOLE_ERRORS).add(page + ": " + error);
        }
    }

    private static CspCollector collector() {
        try {
            return new CspCollector();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BrowserE2ETest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
