package io.jenkins.plugins.codescoring.scanstep;

import static io.jenkins.plugins.codescoring.TestUsers.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import hudson.model.FreeStyleProject;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.pipeline.CodescoringScanStep;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The options of the step and the builder: forms, snippets, defaults and validation. */
public class ScanConfigurationTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    private static CodescoringScanBuilder fullBuilder() {
        CodescoringScanBuilder builder = new CodescoringScanBuilder();
        builder.setCredentialsId(TestCredentials.GLOBAL_ID);
        builder.setProject("shop");
        builder.setStage("build");
        builder.setTimeoutMinutes(15);
        builder.setOnBlocking(OnFinding.UNSTABLE);
        builder.setOnError(OnFinding.SUCCESS);
        return builder;
    }

    private static CodescoringScanStep fullStep() {
        CodescoringScanStep step = new CodescoringScanStep();
        step.setCredentialsId(TestCredentials.GLOBAL_ID);
        step.setProject("shop");
        step.setStage("build");
        step.setTimeoutMinutes(15);
        step.setOnBlocking(OnFinding.UNSTABLE);
        step.setOnError(OnFinding.SUCCESS);
        return step;
    }

    @Test
    public void builderSurvivesTheConfigurationForm() throws Exception {
        TestCredentials.addGlobal();
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder before = fullBuilder();
        project.getBuildersList().add(before);
        project = r.configRoundtrip(project);
        r.assertEqualDataBoundBeans(before, project.getBuildersList().get(CodescoringScanBuilder.class));
    }

    @Test
    public void builderFormKeepsBuildVariablesInPlatformStageAndCredentials() throws Exception {
        TestCredentials.addGlobal();
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder before = fullBuilder();
        before.setPlatform("${PLATFORM}");
        before.setStage("${STAGE}");
        before.setCredentialsId("${TOKEN_ID}");
        project.getBuildersList().add(before);

        HtmlPage form = r.createWebClient().getPage(project, "configure");
        assertEquals(
                "Platform is a text field with suggestions",
                "${PLATFORM}",
                ((DomElement) form.getFirstByXPath("//input[@name='_.platform' and contains(@class,'combobox2')]"))
                        .getAttribute("value"));
        assertEquals(
                "Stage too",
                "${STAGE}",
                ((DomElement) form.getFirstByXPath("//input[@name='_.stage' and contains(@class,'combobox2')]"))
                        .getAttribute("value"));
        assertEquals(
                "the credential shows as an expression",
                "${TOKEN_ID}",
                ((DomElement) form.getFirstByXPath("//input[@type='text' and @name='_.credentialsId']"))
                        .getAttribute("value"));

        project = r.configRoundtrip(project);
        CodescoringScanBuilder after = project.getBuildersList().get(CodescoringScanBuilder.class);
        r.assertEqualDataBoundBeans(before, after);
        assertEquals("the variable keeps its case until the build expands it", "${STAGE}", after.getStage());
    }

    @Test
    public void builderOffersPlatformAndStageSuggestionsAndAcceptsVariables() throws Exception {
        io.jenkins.plugins.codescoring.TestPlatforms.add("alpha", "https://alpha.example", null);
        io.jenkins.plugins.codescoring.TestPlatforms.add("beta", "https://beta.example", null);
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder.DescriptorImpl builder =
                r.jenkins.getDescriptorByType(CodescoringScanBuilder.DescriptorImpl.class);
        assertEquals(List.of("alpha", "beta"), new java.util.ArrayList<>(builder.doFillPlatformItems(project)));
        assertEquals(
                List.of("dev", "source", "build", "stage", "test", "prod", "proxy"),
                new java.util.ArrayList<>(builder.doFillStageItems()));
        assertEquals(FormValidation.Kind.OK, builder.doCheckStage(project, "${STAGE}").kind);
        assertEquals(FormValidation.Kind.OK, builder.doCheckPlatform(project, "${PLATFORM}").kind);
        assertEquals(FormValidation.Kind.OK, builder.doCheckCredentialsId(project, "${TOKEN_ID}", "").kind);

        project.getBuildersList().add(new CodescoringScanBuilder());
        HtmlPage freestyle = r.createWebClient().getPage(project, "configure");
        assertNull("no drop-down for the platform", freestyle.getFirstByXPath("//select[@name='_.platform']"));
        assertNull("nor for the stage", freestyle.getFirstByXPath("//select[@name='_.stage']"));
    }

    @Test
    public void defaultBuilderSurvivesTheConfigurationForm() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        project = r.configRoundtrip(project);
        CodescoringScanBuilder after = project.getBuildersList().get(CodescoringScanBuilder.class);
        r.assertEqualDataBoundBeans(new CodescoringScanBuilder(), after);
        assertNull(after.getTimeoutMinutes());
        assertNull(after.getStage());
        assertEquals(OnFinding.FAILURE, after.getOnBlocking());
    }

    @Test
    public void builderKeepsItsOptionsInTheJobConfigurationAndLoadsDefaultsWithoutThem() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(fullBuilder());
        project.getBuildersList().add(new CodescoringScanBuilder());
        project.getBuildersList().add(new CodescoringScanBuilder());
        String saved = project.getConfigFile().asString();
        assertThat(saved, containsString("<project>shop</project>"));
        assertThat(saved, containsString("<onBlocking>UNSTABLE</onBlocking>"));
        assertThat("each builder stores its own options", saved, not(containsString("reference=")));

        String bare = saved.replaceAll("(?s)<options>.*?</options>", "");
        project.updateByXml((Source) new StreamSource(new StringReader(bare)));
        List<CodescoringScanBuilder> loaded = project.getBuildersList().getAll(CodescoringScanBuilder.class);
        assertEquals(3, loaded.size());
        for (CodescoringScanBuilder builder : loaded) {
            r.assertEqualDataBoundBeans(new CodescoringScanBuilder(), builder);
            assertEquals(OnFinding.FAILURE, builder.toOptions().onError());
        }
    }

    /** A configuration written without the reactions (by hand, or by a tool that writes config.xml) fails on findings. */
    @Test
    public void builderWithoutReactionsInItsConfigurationFailsOnFindings() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(fullBuilder());
        String saved = project.getConfigFile().asString();
        String written =
                saved.replaceAll("<onBlocking>[A-Z]+</onBlocking>", "").replaceAll("<onError>[A-Z]+</onError>", "");
        assertThat(written, not(containsString("<onBlocking>")));
        assertThat(written, not(containsString("<onError>")));
        project.updateByXml((Source) new StreamSource(new StringReader(written)));
        CodescoringScanBuilder loaded = project.getBuildersList().get(CodescoringScanBuilder.class);
        assertEquals("shop", loaded.getProject());
        assertEquals(OnFinding.FAILURE, loaded.getOnBlocking());
        assertEquals(OnFinding.FAILURE, loaded.getOnError());
        assertEquals(OnFinding.FAILURE, loaded.toOptions().onBlocking());
    }

    @Test
    public void stepRoundTripsThroughItsModel() throws Exception {
        CodescoringScanStep before = fullStep();
        UninstantiatedDescribable described =
                DescribableModel.of(CodescoringScanStep.class).uninstantiate2(before);
        assertEquals("UNSTABLE", String.valueOf(described.getArguments().get("onBlocking")));
        assertEquals(15, described.getArguments().get("timeoutMinutes"));
        Map<String, Object> arguments = described.toMap();
        r.assertEqualDataBoundBeans(
                before, DescribableModel.of(CodescoringScanStep.class).instantiate(arguments, TaskListener.NULL));
        assertEquals(
                CodescoringScanStep.DescriptorImpl.class,
                StepDescriptor.byFunctionName("codescoringScan").getClass());
    }

    @Test
    public void snippetsNameOnlyWhatDiffersFromTheDefaults() throws Exception {
        assertEquals("codescoringScan()", Snippetizer.object2Groovy(new CodescoringScanStep()));
        String snippet = Snippetizer.object2Groovy(fullStep());
        assertThat(snippet, containsString("codescoringScan "));
        for (String part : List.of(
                "credentialsId: '" + TestCredentials.GLOBAL_ID + "'",
                "onBlocking: 'UNSTABLE'",
                "onError: 'SUCCESS'",
                "project: 'shop'",
                "stage: 'build'",
                "timeoutMinutes: 15")) {
            assertThat(snippet, containsString(part));
        }
        CodescoringScanStep partial = new CodescoringScanStep();
        partial.setOnBlocking(OnFinding.UNSTABLE);
        assertEquals("codescoringScan onBlocking: 'UNSTABLE'", Snippetizer.object2Groovy(partial));
    }

    @Test
    public void snippetGeneratorBindsTheForm() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest request = new WebRequest(new URL(r.getURL(), Snippetizer.GENERATE_URL), HttpMethod.POST);
        request.setRequestParameters(
                List.of(
                        new NameValuePair(
                                "json",
                                "{\"stapler-class\": \""
                                        + CodescoringScanStep.class.getName()
                                        + "\", \"credentialsId\": \"\", \"project\": \"shop\","
                                        + " \"stage\": \"\", \"timeoutMinutes\": \"\", \"onBlocking\": \"UNSTABLE\", \"onError\": \"FAILURE\"}")));
        wc.addCrumb(request);
        String snippet =
                wc.getPage(request).getWebResponse().getContentAsString().trim();
        assertEquals("codescoringScan onBlocking: 'UNSTABLE', project: 'shop'", snippet);
    }

    @Test
    public void everyFieldOfTheStepHasHelpAUserCanOpenInEnglishAndRussian() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        HtmlPage configure = wc.getPage(project, "configure");
        Map<String, String> helpUrls = new TreeMap<>();
        for (DomElement help : configure.<DomElement>getByXPath("//*[@helpURL]")) {
            String url = help.getAttribute("helpURL");
            if (url.contains("io.jenkins.plugins.codescoring.") && url.contains("/help/")) {
                helpUrls.put(url.substring(url.lastIndexOf('/') + 1), url);
            }
        }
        assertEquals(
                Set.of(
                        "platform",
                        "credentialsId",
                        "project",
                        "stage",
                        "timeoutMinutes",
                        "onBlocking",
                        "onError",
                        "blockOn"),
                helpUrls.keySet());

        for (Map.Entry<String, String> field : helpUrls.entrySet()) {
            String english = helpText(wc, field.getValue(), "en");
            String russian = helpText(wc, field.getValue(), "ru");
            assertThat(field.getKey(), english.length() > 50, is(true));
            assertThat(field.getKey(), english, not(matchesPattern("(?s).*[а-яА-Я].*")));
            assertThat(field.getKey(), russian, matchesPattern("(?s).*[а-яА-Я]{5}.*"));
        }
        // The Pipeline step's form (Snippet Generator) links the same help pages.
        for (String field : helpUrls.keySet()) {
            String stepHelp = r.executeOnServer(() ->
                    r.jenkins.getDescriptorOrDie(CodescoringScanStep.class).getHelpFile(field));
            assertEquals(field, helpUrls.get(field), r.contextPath + stepHelp);
        }
    }

    /** A help page as the "?" button loads it: over HTTP, in the browser's language. */
    private String helpText(JenkinsRule.WebClient wc, String absolutePath, String language) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), absolutePath.substring(r.contextPath.length() + 1)));
        request.setAdditionalHeader("Accept-Language", language);
        Page page = wc.getPage(request);
        assertEquals(absolutePath, 200, page.getWebResponse().getStatusCode());
        return page.getWebResponse().getContentAsString();
    }

    @Test
    public void invalidTimeoutsAreRefused() {
        CodescoringScanStep step = new CodescoringScanStep();
        assertThrows(IllegalArgumentException.class, () -> step.setTimeoutMinutes(0));
        assertThrows(IllegalArgumentException.class, () -> step.setTimeoutMinutes(ScanOptions.MAX_TIMEOUT_MINUTES + 1));
        step.setTimeoutMinutes(null);
        assertNull(step.getTimeoutMinutes());
        step.setStage(" BUILD ");
        assertEquals("build", step.getStage());
        step.setProject("  ");
        assertNull(step.getProject());
    }

    @Test
    public void formValidation() {
        assertEquals(FormValidation.Kind.OK, ScanForm.checkTimeoutMinutes(null, "", null).kind);
        assertThat(ScanForm.checkTimeoutMinutes(null, "", null).getMessage(), containsString("60 minutes"));
        assertEquals(FormValidation.Kind.OK, ScanForm.checkTimeoutMinutes(null, "30", null).kind);
        assertEquals(FormValidation.Kind.ERROR, ScanForm.checkTimeoutMinutes(null, "0", null).kind);
        assertEquals(FormValidation.Kind.ERROR, ScanForm.checkTimeoutMinutes(null, "1441", null).kind);
        assertEquals(FormValidation.Kind.ERROR, ScanForm.checkTimeoutMinutes(null, "ten", null).kind);
        assertEquals(FormValidation.Kind.OK, ScanForm.checkStage(null, "prod").kind);
        assertEquals(FormValidation.Kind.ERROR, ScanForm.checkStage(null, "production").kind);
        assertEquals(FormValidation.Kind.OK, ScanForm.checkProject(null, "shop").kind);
        assertEquals(FormValidation.Kind.ERROR, ScanForm.checkProject(null, "a\nb").kind);
    }

    @Test
    public void selectBoxes() {
        ListBoxModel stages = ScanForm.fillStageItems("test");
        assertThat(values(stages), contains("", "dev", "source", "build", "stage", "test", "prod", "proxy"));
        assertEquals("test", stages.stream().filter(o -> o.selected).findFirst().orElseThrow().value);
        assertThat(values(ScanForm.fillStageItems("custom")), org.hamcrest.Matchers.hasItem("custom"));
        ListBoxModel onBlocking = ScanForm.fillOnFindingItems(null);
        assertThat(values(onBlocking), contains("FAILURE", "UNSTABLE", "SUCCESS"));
        assertEquals(
                "FAILURE",
                onBlocking.stream().filter(o -> o.selected).findFirst().orElseThrow().value);
    }
}
