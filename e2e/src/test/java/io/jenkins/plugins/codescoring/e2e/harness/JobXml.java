package io.jenkins.plugins.codescoring.e2e.harness;

/** The config.xml of the items the tests create, as Jenkins itself writes them. */
public final class JobXml {

    private JobXml() {}

    /** A Pipeline job whose script runs in the Groovy sandbox, as any user's would. */
    public static String pipeline(String script) {
        return "<flow-definition plugin=\"workflow-job\">\n"
                + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\" plugin=\"workflow-cps\">\n"
                + "    <script>" + escape(script) + "</script>\n"
                + "    <sandbox>true</sandbox>\n"
                + "  </definition>\n"
                + "</flow-definition>\n";
    }

    /** A Pipeline job with string parameters, given as name and default value pairs. */
    public static String pipeline(String script, String... namesAndDefaults) {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i + 1 < namesAndDefaults.length; i += 2) {
            parameters
                    .append("        <hudson.model.StringParameterDefinition>\n")
                    .append("          <name>")
                    .append(escape(namesAndDefaults[i]))
                    .append("</name>\n")
                    .append("          <defaultValue>")
                    .append(escape(namesAndDefaults[i + 1]))
                    .append("</defaultValue>\n")
                    .append("          <trim>true</trim>\n")
                    .append("        </hudson.model.StringParameterDefinition>\n");
        }
        return pipeline(script)
                .replace(
                        "<flow-definition plugin=\"workflow-job\">\n",
                        "<flow-definition plugin=\"workflow-job\">\n"
                                + "  <properties>\n"
                                + "    <hudson.model.ParametersDefinitionProperty>\n"
                                + "      <parameterDefinitions>\n"
                                + parameters
                                + "      </parameterDefinitions>\n"
                                + "    </hudson.model.ParametersDefinitionProperty>\n"
                                + "  </properties>\n");
    }

    /**
     * A freestyle job: the CodeScoring build step with that project and stage (and credential, if not null),
     * then a shell step.
     */
    public static String freestyle(String project, String stage, String credentialsId, String shell) {
        return "<project>\n"
                + "  <builders>\n"
                + "    <io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder plugin=\"codescoring\">\n"
                + "      <options>\n"
                + (credentialsId == null
                        ? ""
                        : "        <credentialsId>" + escape(credentialsId) + "</credentialsId>\n")
                + "        <project>" + escape(project) + "</project>\n"
                + "        <stage>" + escape(stage) + "</stage>\n"
                + "      </options>\n"
                + "    </io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder>\n"
                + "    <hudson.tasks.Shell>\n"
                + "      <command>" + escape(shell) + "</command>\n"
                + "    </hudson.tasks.Shell>\n"
                + "  </builders>\n"
                + "</project>\n";
    }

    /** An empty folder. */
    public static String folder() {
        return "<com.cloudbees.hudson.plugins.folder.Folder plugin=\"cloudbees-folder\"/>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
