package io.jenkins.plugins.codescoring.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.codescoring.e2e.harness.Browser;
import io.jenkins.plugins.codescoring.e2e.harness.CspCollector;
import io.jenkins.plugins.codescoring.e2e.harness.FreePort;
import io.jenkins.plugins.codescoring.e2e.harness.JenkinsClient;
import io.jenkins.plugins.codescoring.e2e.harness.JobXml;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs;
import io.jenkins.plugins.codescoring.e2e.harness.PluginTexts;
import io.jenkins.plugins.codescoring.e2e.harness.RealController;
import io.jenkins.plugins.codescoring.e2e.harness.Report;
import io.jenkins.plugins.codescoring.e2e.harness.SimulatorProcess;
import io.jenkins.plugins.codescoring.e2e.harness.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Manage Jenkins » CodeScoring in a real controller while builds wait on two platforms (two simulator processes whose
 * analyses last ten minutes): the page and its api/json show each waiting build with its phase and each platform's
 * current analysis; then the analyses end and a list view's CodeScoring column shows the verdicts. In Chromium, in
 * English and Russian, under the report-only CSP of {@link BrowserE2ETest}: no console error and no CSP report from our
 * pages, no inline code. Takes the screenshots for the README.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperationsPageE2ETest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String COLUMN_VIEW = "scans";

    private static final CspCollector CSP = collector();

    @ClassRule
    public static final RealController WORLD = new RealController("operations", "600")
            .withInitScript("csp-report-only.groovy", resource("/csp-report-only.groovy"))
            .withSystemProperty("e2e.cspReportUri", CSP.reportUri());

    private static SimulatorProcess beta;
    private static final List<String> OUR_PROBLEMS = new ArrayList<>();

    @AfterClass
    public static void stop() {
        if (beta != null) {
            beta.close();
        }
        CSP.close();
    }

    @Test
    public void a_buildsWaitOnTwoPlatforms() throws Exception {
        Path betaWork = Files.createDirectories(WORLD.work().resolve("beta"));
        beta = new SimulatorProcess(WORLD.files(), betaWork, FreePort.pick(), WORLD.token(), "600");
        beta.start();
        // The first platform is renamed "alpha"; "beta" is added with the same credential (the script console, as an
        // administrator).
        JenkinsClient.Answer script = WORLD.client()
                .postForm(
                        "scriptText",
                        "script",
                        String.join(
                                "\n",
                                "import io.jenkins.plugins.codescoring.config.*",
                                "def global = CodescoringGlobalConfiguration.get()",
                                "def platforms = new ArrayList(global.platforms)",
                                "platforms[0].name = 'alpha'",
                                "def second = new Platform('" + beta.url() + "')",
                                "second.name = 'beta'",
                                "second.credentialsId = '" + RealController.CREDENTIAL + "'",
                                "second.timeoutMinutes = 30",
                                "platforms.add(second)",
                                "global.platforms = platforms",
                                "println global.platforms*.name()"));
        assertEquals(script.body(), 200, script.status());
        assertThat(script.body(), containsString("[alpha, beta]"));

        Jobs jobs = WORLD.jobs();
        jobs.create("", "shop-backend", JobXml.pipeline("codescoringScan project: 'shop', stage: 'build'\n"));
        jobs.create("", "billing", JobXml.pipeline("codescoringScan platform: 'beta', project: 'billing'\n"));
        jobs.create("", "inventory", JobXml.pipeline("codescoringScan platform: 'beta', stage: 'prod'\n"));
        jobs.create("", "never-scanned", JobXml.pipeline("echo 'no scan here'\n"));
        jobs.run("never-scanned", WAIT);
        jobs.trigger("shop-backend");
        awaitWaiting("alpha", "shop-backend", "RUNNING");
        jobs.trigger("billing");
        awaitWaiting("beta", "billing", "RUNNING");
        jobs.trigger("inventory");
        awaitWaiting("beta", "inventory", "WAITING_FOR_OTHER");
    }

    @Test
    public void b_theJsonShowsEachWaitingBuildAndEachPlatformsAnalysis() throws Exception {
        JsonNode json = WORLD.client().json("manage/codescoring/api/json");
        JsonNode platforms = json.path("platforms");
        assertEquals(2, platforms.size());
        for (JsonNode platform : platforms) {
            assertThat(platform.toString(), platform.path("currentStatus").asText(), is(not(emptyString())));
            assertTrue(platform.toString(), platform.path("analysisRunning").asBoolean());
            assertEquals(1, platform.path("analysesStarted").asInt());
        }
        assertEquals(1, platforms.get(0).path("waiting").size());
        assertEquals(2, platforms.get(1).path("waiting").size());
        assertEquals(
                "billing #1",
                platforms.get(1).path("waiting").get(0).path("build").asText());
        assertEquals(
                "waiting for another analysis to end",
                platforms.get(1).path("waiting").get(1).path("phaseText").asText());
        Report.line(
                WORLD.files(), "operations: api/json " + json.toString().length() + " bytes: " + summary(platforms));
    }

    @Test
    public void c_thePageInEnglishAndRussian() throws Exception {
        for (Locale locale : List.of(EN, RU)) {
            try (Browser browser = browser(locale)) {
                browser.open("manage/");
                WebElement tile = browser.await(By.cssSelector("a[href$='codescoring'], a[href$='codescoring/']"));
                assertThat(tile.getText(), containsString("CodeScoring"));
                look(browser, "manage (" + locale + ")");

                browser.open("manage/codescoring/");
                WebElement main = browser.await(By.id("main-panel"));
                String text = main.getText();
                assertThat(text, containsString(locale == EN ? "Platform alpha" : "Платформа alpha"));
                assertThat(
                        text,
                        containsString(
                                locale == EN
                                        ? "waiting for another analysis to end"
                                        : "ждёт окончания другого анализа"));
                assertThat(text, containsString(locale == EN ? "analysis running" : "анализ идёт"));
                assertEquals(
                        3,
                        main.findElements(By.cssSelector("table.codescoring-ops-waiting tbody tr"))
                                .size());
                assertEquals(
                        "a Check button per platform for the administrator",
                        2,
                        main.findElements(By.cssSelector("form.codescoring-ops-action"))
                                .size());
                inlineCodeIn(browser, main, "operations page (" + locale + ")");
                List<WebElement> sections = main.findElements(By.cssSelector("section.codescoring-ops-platform"));
                browser.screenshot(
                        "operations-page", sections.get(sections.size() - 1).findElement(By.xpath("..")));
                look(browser, "operations page (" + locale + ")");
                Report.line(
                        WORLD.files(), "operations (" + locale + "): page shown with 3 waiting builds on 2 platforms");
            }
        }
        // "Check the status now" as the administrator: back on the page, nothing else changes.
        JenkinsClient.Answer check = WORLD.client().postForm("manage/codescoring/pollNow", "platform", "beta");
        assertTrue(
                "pollNow answered " + check.status(),
                check.status() == 302 || check.status() == 303 || check.status() == 200);
    }

    @Test
    public void d_theColumnShowsTheVerdictsOnceTheAnalysesEnd() throws Exception {
        for (SimulatorProcess simulator : List.of(WORLD.simulator(), beta)) {
            simulator.control("analysis-seconds?value=1");
            simulator.control("complete?outcome=success");
        }
        Jobs jobs = WORLD.jobs();
        for (String job : List.of("shop-backend", "billing", "inventory")) {
            Report.line(WORLD.files(), "operations: " + jobs.await(job, 1, WAIT));
        }
        String view = String.join(
                "\n",
                "<hudson.model.ListView>",
                "  <name>" + COLUMN_VIEW + "</name>",
                "  <filterExecutors>false</filterExecutors>",
                "  <filterQueue>false</filterQueue>",
                "  <properties class=\"hudson.model.View$PropertyList\"/>",
                "  <jobNames>",
                "    <comparator class=\"java.lang.String$CaseInsensitiveComparator\"/>",
                "    <string>billing</string>",
                "    <string>inventory</string>",
                "    <string>never-scanned</string>",
                "    <string>shop-backend</string>",
                "  </jobNames>",
                "  <jobFilters/>",
                "  <columns>",
                "    <hudson.views.StatusColumn/>",
                "    <hudson.views.WeatherColumn/>",
                "    <hudson.views.JobColumn/>",
                "    <io.jenkins.plugins.codescoring.operations.CodescoringColumn/>",
                "    <hudson.views.LastDurationColumn/>",
                "  </columns>",
                "  <recurse>false</recurse>",
                "</hudson.model.ListView>");
        JenkinsClient.Answer created = WORLD.client().post("createView?name=" + COLUMN_VIEW, "application/xml", view);
        assertTrue(
                "createView answered " + created.status() + " " + created.body(),
                created.status() == 200 || created.status() == 302);
        for (Locale locale : List.of(EN, RU)) {
            try (Browser browser = browser(locale)) {
                browser.open("view/" + COLUMN_VIEW + "/");
                WebElement table = browser.await(By.id("projectstatus"));
                List<WebElement> cells = table.findElements(By.cssSelector("td.codescoring-column"));
                assertEquals(4, cells.size());
                WebElement shop = table.findElement(By.id("job_shop-backend"))
                        .findElement(By.cssSelector("td.codescoring-column"));
                assertThat(
                        shop.findElement(By.tagName("a")).getDomAttribute("href"),
                        containsString("job/shop-backend/1/codescoring-1/"));
                WebElement never = table.findElement(By.id("job_never-scanned"))
                        .findElement(By.cssSelector("td.codescoring-column"));
                assertEquals("", never.getText().trim());
                inlineCodeIn(browser, table, "list view (" + locale + ")");
                browser.screenshot("list-view-column", table);
                look(browser, "list view (" + locale + ")");
                Report.line(WORLD.files(), "operations (" + locale + "): column cells " + cellTexts(cells));
            }
        }
    }

    /**
     * A CSP report is ours when it names one of the plugin's resources or its sample occurs in the plugin's views, as in
     * {@link BrowserE2ETest}; Jenkins' own layout and weather icons report inline styles on every page, ours included.
     */
    @Test
    public void z_noConsoleErrorNorCspReportFromOurPages() throws IOException {
        PluginTexts texts = PluginTexts.read(WORLD.files().hpi());
        List<String> ours = new ArrayList<>();
        Map<String, Integer> others = new TreeMap<>();
        for (JsonNode report : CSP.reports()) {
            String source = report.path("source-file").asText("") + " "
                    + report.path("blocked-uri").asText("");
            String sample = report.path("script-sample").asText("");
            if (source.contains("/plugin/codescoring/")
                    || source.contains("io/jenkins/plugins/codescoring")
                    || texts.occursInViews(sample)) {
                ours.add(report.toString());
            } else {
                others.merge(report.path("violated-directive").asText("?") + " \"" + sample + "\"", 1, Integer::sum);
            }
        }
        Report.line(
                WORLD.files(),
                "operations: CSP reports " + CSP.reports().size() + ", from our views and resources " + ours.size()
                        + ", Jenkins' own " + others + "; console errors and inline code from our pages "
                        + OUR_PROBLEMS);
        assertThat(ours, is(empty()));
        assertThat(OUR_PROBLEMS, is(empty()));
        assertThat(WORLD.secrets().findings(), is(empty()));
    }

    private static void awaitWaiting(String platform, String job, String phase) {
        Wait.until(job + " waiting on " + platform + " in " + phase, WAIT, () -> {
            for (JsonNode section :
                    WORLD.client().json("manage/codescoring/api/json").path("platforms")) {
                if (platform.equals(section.path("name").asText())) {
                    for (JsonNode row : section.path("waiting")) {
                        if ((job + " #1").equals(row.path("build").asText())
                                && phase.equals(row.path("phase").asText())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }

    private static String summary(JsonNode platforms) {
        StringBuilder text = new StringBuilder();
        for (JsonNode platform : platforms) {
            text.append(platform.path("name").asText())
                    .append(" run ")
                    .append(platform.path("currentRun").asText())
                    .append(' ')
                    .append(platform.path("currentStatus").asText())
                    .append(" [");
            for (JsonNode row : platform.path("waiting")) {
                text.append(' ')
                        .append(row.path("build").asText())
                        .append(": ")
                        .append(row.path("phase").asText());
            }
            text.append(" ] ");
        }
        return text.toString().trim();
    }

    private static List<String> cellTexts(List<WebElement> cells) {
        List<String> texts = new ArrayList<>();
        for (WebElement cell : cells) {
            texts.add(cell.getText().replaceAll("\\s+", " ").trim());
        }
        return texts;
    }

    private static Browser browser(Locale locale) throws IOException {
        Browser browser = new Browser(WORLD.jenkins().url(), locale, WORLD.work());
        browser.logIn(RealController.USER, WORLD.password());
        return browser;
    }

    private static void inlineCodeIn(Browser browser, WebElement view, String where) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.script(
                String.join(
                        "\n",
                        "const found = [];",
                        "for (const el of [arguments[0], ...arguments[0].querySelectorAll('*')]) {",
                        "  if (el.closest('.codescoring-column') === null && !el.closest('.codescoring-ops-platform')",
                        "      && !el.closest('.codescoring-ops-help')) continue;",
                        "  if (el.hasAttribute('style')) found.push(el.tagName + '[style]');",
                        "  for (const a of el.attributes) if (a.name.startsWith('on')) found.push(el.tagName + '[' + a.name + ']');",
                        "  if (el.tagName === 'SCRIPT' && !el.src) found.push('inline SCRIPT');",
                        "  if (el.tagName === 'STYLE') found.push('STYLE element');",
                        "}",
                        "return found;"),
                view);
        for (String item : found) {
            OUR_PROBLEMS.add(where + ": inline " + item);
        }
    }

    private static void look(Browser browser, String page) {
        String url = browser.driver().getCurrentUrl();
        WORLD.secrets()
                .checkPage("browser " + url, browser.driver().getPageSource().getBytes(StandardCharsets.UTF_8));
        for (String error : browser.consoleErrors()) {
            if (!error.contains("[Report Only]")) {
                boolean ours = error.toLowerCase(Locale.ROOT).contains("codescoring")
                        || url.contains("/codescoring")
                        || url.contains("view/" + COLUMN_VIEW);
                if (ours) {
                    OUR_PROBLEMS.add(page + ": console " + error);
                } else {
                    Report.line(WORLD.files(), "operations: console error not ours: " + page + ": " + error);
                }
            }
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
        try (InputStream in = OperationsPageE2ETest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
