/*
 * CodeScoring demo (demo only): creates four sample jobs the first time the demo Jenkins starts.
 * demo/jenkins-demo.sh copies this file to $JENKINS_HOME/init.groovy.d/; Jenkins runs it at every start
 * as SYSTEM. Jobs that exist already are left as they are; a job it creates gets its first build queued,
 * so the dashboard shows results a few seconds after Jenkins is up.
 *
 * The scopes are chosen from the simulator's "demo" dataset:
 *   Inventory Service, all stages   -> PASSED  (one copyleft warning, no blocker)
 *   shop, stage build               -> BLOCKED (log4j-core 2.14.1 and guava 31.0.1-jre, policy "Critical vulnerabilities (CVSS >= 7)")
 *   shop-backend, all stages        -> BLOCKED (spring-web 5.3.20; a delayed blocker and an ignored alert do not block)
 *   billing, stage build            -> PASSED  (its critical alert comes from a retired, inactive blocker policy)
 */
import hudson.model.FreeStyleProject
import hudson.model.Job
import hudson.tasks.Shell
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder
import jenkins.model.Jenkins
import jenkins.model.ParameterizedJobMixIn
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition
import org.jenkinsci.plugins.workflow.job.WorkflowJob

Jenkins jenkins = Jenkins.get()
List<Job> created = []

def pipelineJob = { String name, String description, String script ->
    if (jenkins.getItem(name) != null) {
        return
    }
    WorkflowJob job = jenkins.createProject(WorkflowJob, name)
    job.setDescription(description)
    job.setDefinition(new CpsFlowDefinition(script, true)) // true: the Groovy sandbox, as for any user's Pipeline
    job.save()
    created << job
}

pipelineJob('codescoring-demo-passed',
        'Declarative Pipeline scoped to the CodeScoring project "Inventory Service": one copyleft warning, no blocking '
                + 'policy fires. Expected: verdict PASSED, build SUCCESS.',
        '''\
pipeline {
    agent none // codescoringScan needs no agent: it runs on the controller and holds no executor while it waits
    stages {
        stage('CodeScoring') {
            steps {
                codescoringScan project: 'Inventory Service'
            }
        }
    }
}
''')

pipelineJob('codescoring-demo-blocked',
        'Pipeline scoped to project "shop", stage "build": log4j-core 2.14.1 and guava 31.0.1-jre fire the blocking policy '
                + '"Critical vulnerabilities (CVSS >= 7)". Expected: verdict BLOCKED, build FAILURE (onBlocking defaults to FAILURE).',
        '''\
codescoringScan project: 'shop', stage: 'build'
echo 'Not reached: a blocked scan stops the build.'
''')

pipelineJob('codescoring-demo-unstable',
        'Pipeline scoped to project "shop-backend" with onBlocking: UNSTABLE. spring-web 5.3.20 fires a blocking policy; '
                + 'a delayed blocker and an ignored alert are reported but do not block. The script reads the map the step '
                + 'returns. Expected: verdict BLOCKED, build UNSTABLE, and the echo lines in the console.',
        '''\
def r = codescoringScan project: 'shop-backend', onBlocking: 'UNSTABLE'
echo "verdict=${r.verdict} blocked=${r.blocked} blockingAlerts=${r.blockingAlerts} policies=${r.blockingPolicies.join(', ')}"
echo "active=${r.activeAlerts} critical=${r.critical} warning=${r.warning} info=${r.info} ignored=${r.ignoredAlerts} delayedBlocking=${r.delayedBlockingAlerts}"
if (r.blocked) {
    echo 'Blocked: this job only marks the build UNSTABLE and goes on.'
}
''')

if (jenkins.getItem('codescoring-demo-freestyle') == null) {
    FreeStyleProject job = jenkins.createProject(FreeStyleProject, 'codescoring-demo-freestyle')
    job.setDescription('Freestyle job with the CodeScoring build step, scoped to project "billing", stage "build": '
            + 'its critical alert comes from a retired (inactive) blocker policy, so nothing blocks. Then a shell step '
            + 'prints the CODESCORING_* variables. Expected: verdict PASSED, build SUCCESS.')
    CodescoringScanBuilder scan = new CodescoringScanBuilder()
    scan.setProject('billing')
    scan.setStage('build')
    job.getBuildersList().add(scan)
    job.getBuildersList().add(new Shell('echo "CodeScoring verdict: $CODESCORING_VERDICT, blocking alerts: $CODESCORING_BLOCKING_ALERTS, '
            + 'active alerts: $CODESCORING_ACTIVE_ALERTS, analysis run: $CODESCORING_ANALYSIS_RUN_ID"'))
    job.save()
    created << job
}

created.each { Job job -> ParameterizedJobMixIn.scheduleBuild2(job, 0) }
if (!created.isEmpty()) {
    println "CodeScoring demo: created ${created*.name.join(', ')}; their first builds are queued."
}
