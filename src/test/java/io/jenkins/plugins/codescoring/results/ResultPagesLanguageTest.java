package io.jenkins.plugins.codescoring.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ReaderLocale;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import java.time.Instant;
import java.util.Locale;
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
        return ScanResult.builder(Verdict.ERROR).error(kind, "The platform rejected the API token (HTTP 401).")
                .platformUrl("http://codescoring.test").requestedAt(Instant.parse("2026-11-27T10:00:00Z"))
                .finishedAt(Instant.parse("2026-11-27T10:00:01Z")).build();
    }

    private String page(String language, FreeStyleBuild build, String relative) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        wc.addRequestHeader("Accept-Language", language);
        return (relative == null ? wc.getPage(build) : wc.getPage(build, relative)).getWebResponse().getContentAsString();
    }

    @Test
    public void theErrorAdviceIsInTheReadersLanguage() throws Exception {
        FreeStyleBuild build = buildWith(error(ErrorKind.TOKEN_REJECTED));
        String englishAdvice = ErrorKind.TOKEN_REJECTED.advice();
        String russianAdvice = "Проверьте API-токен: создайте новый в профиле пользователя CodeScoring";

        assertThat(page("en", build, null), containsString(englishAdvice));
        assertThat(page("en", build, "codescoring-1"), containsString(englishAdvice));
        String summary = page("ru", build, null);
        assertThat(summary, containsString(russianAdvice));
        assertThat(summary, not(containsString(englishAdvice)));
        String results = page("ru", build, "codescoring-1");
        assertThat(results, containsString(russianAdvice));
        assertThat(results, not(containsString(englishAdvice)));
    }

    @Test
    public void theConsoleHintIsInTheControllersLanguage() throws Exception {
        Dataset.Builder many = Dataset.builder("many blocking").policy(1, "No critical CVEs", "critical", true, true).project(1, "shop");
        for (int i = 0; i < 25; i++) {
            many.alert(Dataset.alert(1, 1).dependency("pkg:npm/lib" + i + "@1.0.0").vulnerability("CVE-2024-10" + i));
        }
        platform.simulator().load(many.build());
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        Locale.setDefault(Locale.forLanguageTag("ru"));
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("(см. страницу CodeScoring этой сборки)", build);
        r.assertLogNotContains("see the CodeScoring page", build);
    }
}
