package io.jenkins.plugins.codescoring.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ReaderLocale;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What a user reads on the build page, the scan's page, the job page and the console, in English and in
 * Russian: the verdict's icon and its text, the error advice, counts with their plural forms, the scope.
 */
public class ResultPagesLanguageTest {
    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform platform = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    @Rule
    public ReaderLocale readerLocale = new ReaderLocale();

    private FreeStyleBuild buildWith(ScanResult... results) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        for (ScanResult result : results) {
            CodescoringResultAction.attach(build, result);
        }
        return build;
    }

    private static ScanResult error(ErrorKind kind) {
        return ScanResult.builder(Verdict.ERROR)
                .error(kind, "The platform rejected the API token (HTTP 401).")
                .platformUrl("http://codescoring.test")
                .requestedAt(Instant.parse("2026-11-27T10:00:00Z"))
                .finishedAt(Instant.parse("2026-11-27T10:00:01Z"))
                .build();
    }

    private String page(String language, FreeStyleBuild build, String relative) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        wc.addRequestHeader("Accept-Language", language);
        return (relative == null ? wc.getPage(build) : wc.getPage(build, relative))
                .getWebResponse()
                .getContentAsString();
    }

    @Test
    public void theErrorAdviceIsInTheReadersLanguage() throws Exception {
        FreeStyleBuild build = buildWith(error(ErrorKind.TOKEN_REJECTED));
        // As the Jenkins console says it: the credential, not the terminal runner's variable (see ErrorAdviceTest).
        String englishAdvice = "Check the API token: generate a new one in the CodeScoring user profile and store it in"
                + " the credential the scan uses.";
        String russianAdvice = "Проверьте API-токен: создайте новый в профиле пользователя CodeScoring";

        assertThat(page("en", build, null), containsString(englishAdvice));
        assertThat(page("en", build, "codescoring-1"), containsString(englishAdvice));
        assertThat(page("en", build, "codescoring-1"), not(containsString("CODESCORING_TOKEN")));
        String summary = page("ru", build, null);
        assertThat(summary, containsString(russianAdvice));
        assertThat(summary, not(containsString(englishAdvice)));
        String results = page("ru", build, "codescoring-1");
        assertThat(results, containsString(russianAdvice));
        assertThat(results, not(containsString(englishAdvice)));
    }

    @Test
    public void theConsoleHintIsInTheControllersLanguage() throws Exception {
        Dataset.Builder many = Dataset.builder("many blocking")
                .policy(1, "No critical CVEs", "critical", true, true)
                .project(1, "shop");
        for (int i = 0; i < 25; i++) {
            many.alert(
                    Dataset.alert(1, 1).dependency("pkg:npm/lib" + i + "@1.0.0").vulnerability("CVE-2024-10" + i));
        }
        platform.simulator().load(many.build());
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        Locale.setDefault(Locale.forLanguageTag("ru"));
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("(см. страницу CodeScoring этой сборки)", build);
        r.assertLogNotContains("see the CodeScoring page", build);
    }

    private static ScanResult passed() {
        return ScanResult.builder(Verdict.PASSED)
                .platformUrl("http://codescoring.test")
                .project("shop")
                .stage("build")
                .activeAlerts(1)
                .alertsByLevel(Map.of("warning", 1))
                .requestedAt(Instant.parse("2026-11-27T10:00:00Z"))
                .finishedAt(Instant.parse("2026-11-27T10:00:02Z"))
                .build();
    }

    private static ScanResult blocked(int alerts, int policies) {
        List<BlockingPolicy> list = new ArrayList<>();
        for (int p = 0; p < policies; p++) {
            List<BlockingAlert> rows = new ArrayList<>();
            for (int a = p; a < alerts; a += policies) {
                rows.add(new BlockingAlert(
                        "a" + a,
                        "shop",
                        "build",
                        "critical",
                        "pkg:npm/lib" + a + "@1.0.0",
                        "CVE-2024-" + a,
                        List.of()));
            }
            list.add(new BlockingPolicy("p" + p, "Policy " + p, "critical", rows));
        }
        return ScanResult.builder(Verdict.BLOCKED)
                .platformUrl("http://codescoring.test")
                .blockingPolicies(list)
                .activeAlerts(alerts)
                .alertsByLevel(Map.of("critical", alerts))
                .analysisRunId("4" + alerts)
                .requestedAt(Instant.parse("2026-11-27T10:00:00Z"))
                .finishedAt(Instant.parse("2026-11-27T10:00:03Z"))
                .build();
    }

    @Test
    public void eachVerdictHasItsOwnIconWithTextForScreenReaders() throws Exception {
        FreeStyleBuild build = buildWith(passed(), blocked(1, 1), error(ErrorKind.TIMEOUT));
        List<CodescoringResultAction> actions = build.getActions(CodescoringResultAction.class);
        assertEquals(
                "three verdicts, three icons",
                3,
                actions.stream()
                        .map(CodescoringResultAction::getIconFileName)
                        .distinct()
                        .count());
        for (CodescoringResultAction action : actions) {
            String symbol = action.getIconFileName().split(" ")[0].substring("symbol-".length());
            assertNotNull(
                    "no symbol " + symbol,
                    CodescoringResultAction.class.getResource("/images/symbols/" + symbol + ".svg"));
        }

        String english = page("en", build, null);
        assertThat(
                english,
                containsString("jenkins-visually-hidden\">CodeScoring verdict PASSED: no blocking alerts</span>"));
        assertThat(
                english,
                containsString("jenkins-visually-hidden\">CodeScoring verdict BLOCKED: blocking alerts found</span>"));
        assertThat(
                english,
                containsString(
                        "jenkins-visually-hidden\">CodeScoring verdict ERROR: no verdict could be reached</span>"));
        String russian = page("ru", build, null);
        assertThat(
                russian,
                containsString("jenkins-visually-hidden\">Вердикт CodeScoring PASSED: блокирующих алертов нет</span>"));
        assertThat(
                russian,
                containsString(
                        "jenkins-visually-hidden\">Вердикт CodeScoring BLOCKED: найдены блокирующие алерты</span>"));
        assertThat(
                russian,
                containsString(
                        "jenkins-visually-hidden\">Вердикт CodeScoring ERROR: вынести вердикт не удалось</span>"));
        String jobPage = page("ru", build, "../");
        assertThat(jobPage, containsString("Вердикт CodeScoring BLOCKED: найдены блокирующие алерты"));
    }

    @Test
    public void countsSayOneAndManyAsEachLanguageDoes() throws Exception {
        FreeStyleBuild build = buildWith(blocked(1, 1), blocked(3, 2), blocked(5, 1), blocked(21, 3), blocked(12, 1));
        String english = page("en", build, null);
        assertThat(english, containsString("1 blocking alert; 1 active alert ("));
        assertThat(english, containsString("3 blocking alerts; 3 active alerts ("));
        assertThat(english, containsString("21 blocking alerts; 21 active alerts ("));
        assertThat(english, not(containsString(">1 blocking alerts")));
        assertThat(english, containsString("and 16 more blocking alerts"));
        String russian = page("ru", build, null);
        assertThat(russian, containsString("1 блокирующий алерт; 1 активный алерт ("));
        assertThat(russian, containsString("3 блокирующих алерта; 3 активных алерта ("));
        assertThat(russian, containsString("5 блокирующих алертов; 5 активных алертов ("));
        assertThat(russian, containsString("21 блокирующий алерт; 21 активный алерт ("));
        assertThat(russian, containsString("12 блокирующих алертов; 12 активных алертов ("));
        assertThat(russian, containsString("и ещё 16 блокирующих алертов"));
        assertThat(russian, containsString("и ещё 7 блокирующих алертов"));
    }

    @Test
    public void theJobPageSaysWhatWasScannedInWords() throws Exception {
        FreeStyleBuild build = buildWith(blocked(1, 1), passed());
        String english = page("en", build, "../");
        assertThat(english, containsString("all projects, all stages"));
        assertThat(english, containsString("project shop, stage build"));
        assertThat(english, not(containsString("* / *")));
        String russian = page("ru", build, "../");
        assertThat(russian, containsString("все проекты, все стадии"));
        assertThat(russian, containsString("проект shop, стадия build"));
    }
}
