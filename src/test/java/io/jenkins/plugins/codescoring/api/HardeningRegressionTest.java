package io.jenkins.plugins.codescoring.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.jenkins.plugins.codescoring.api.TestServer.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/**
 * The core bugs the hardening suites found (HostileServerTest, RandomizedJsonReadingTest,
 * SecretsNeverLeakTest), each pinned by a small deterministic case.
 */
public class HardeningRegressionTest extends ClientFixture {

    @Test
    public void hugeNumbersAreNotBooleans() throws Exception {
        // 2^64 + 1 and 2^64 used to wrap around to 1 and 0: an ignored alert, or a blocker that does not block.
        server.enqueue(
                Reply.json("[{\"id\": 1, \"policy\": 2, \"is_ignored\": 18446744073709551617}]"),
                Reply.json("[{\"id\": 2, \"is_blocks_build\": 18446744073709551616}]"));

        CodescoringException alert =
                failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().activeAlerts(AlertScope.all()));
        CodescoringException policy = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertThat(
                alert.getMessage(), containsString("\"is_ignored\" of alert 1 is not a boolean: 18446744073709551617"));
        assertThat(
                policy.getMessage(),
                containsString("\"is_blocks_build\" of policy 2 is not a boolean: 18446744073709551616"));
    }

    @Test
    public void aNotFoundAfterTheLastCountedPageEndsTheList() throws Exception {
        // DRF answers 404 "Invalid page." past the last page; a next link that loops leads there.
        server.enqueue(
                Reply.json(
                        "{\"count\": 1, \"next\": \"http://elsewhere.example/loop\", \"results\": [{\"id\": 7, \"name\": \"shop\"}]}"),
                Reply.json(404, "{\"detail\": \"Invalid page.\"}"));

        List<Project> projects = client().searchProjects("shop");

        assertEquals(List.of(new Project("7", "shop")), projects);
        assertEquals(2, server.requests().size());
    }

    @Test
    public void aNotFoundBeforeTheCountIsReachedIsUnreadable() throws Exception {
        StringBuilder page = new StringBuilder("{\"count\": 150, \"next\": \"x\", \"results\": [");
        for (int i = 1; i <= 100; i++) {
            page.append(i > 1 ? "," : "")
                    .append("{\"id\": ")
                    .append(i)
                    .append(", \"name\": \"p")
                    .append(i)
                    .append("\"}");
        }
        server.enqueue(Reply.json(page.append("]}").toString()), Reply.json(404, "{\"detail\": \"Invalid page.\"}"));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().searchProjects("p"));

        assertThat(e.getMessage(), containsString("announced 150 items but answered HTTP 404 for page 2 after 100"));
    }

    @Test
    public void aTokenEchoedInTheDataIsMaskedBeforeItIsRead() throws Exception {
        server.enqueue(Reply.json("[{\"id\": 1, \"policy\": {\"id\": 2, \"name\": \"Token " + TOKEN
                + "\", \"is_blocks_build\": true}," + " \"dependency_purl\": \"pkg:npm/" + TOKEN
                + "@1\", \"matched_criteria\": [\"" + TOKEN + "\"]}]"));
        server.enqueue(Reply.json(201, "{\"id\": \"run-" + TOKEN + "\"}"));

        Alert alert = client().activeAlerts(AlertScope.all()).get(0);
        StartOutcome started = client().startOverallAnalysis();

        assertEquals("Token ****", alert.policy().name());
        assertEquals("pkg:npm/****@1", alert.dependencyPurl());
        assertEquals(List.of("****"), alert.matchedCriteria());
        assertEquals("run-****", started.runId());
    }

    @Test
    public void noAttemptWaitsForItsAnswerPastTheDeadline() throws Exception {
        server.otherwise(request -> Reply.json("[]").delay(10_000));
        // The deadline is 200 ms away on the test clock (less than the first backoff): the attempt gets the least
        // patience, 1 s, not 5 s.
        CodescoringApi client = builder()
                .requestTimeout(Duration.ofSeconds(5))
                .build()
                .withDeadline(clock.instant().plusMillis(200));
        long started = System.nanoTime();

        CodescoringException e = failure(ErrorKind.TIMEOUT, client::checkConnection);

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat("took " + millis + " ms", millis, lessThan(3_000L));
        assertThat(
                e.getMessage(),
                containsString(
                        "gave no answer within 1 s (all the time left before the deadline) to GET /api/policies/"));
        assertEquals("no retry after the deadline", 1, server.requests().size());
        assertFalse(e.getMessage().contains("5 s"));
    }
}
