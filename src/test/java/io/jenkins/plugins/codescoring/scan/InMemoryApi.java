package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import java.time.Instant;

/** A fake platform held in the test's memory: one fixed address, and no retries for a deadline to cut short. */
interface InMemoryApi extends CodescoringApi {

    @Override
    default CodescoringApi withDeadline(Instant deadline) {
        return this;
    }

    @Override
    default String platformUrl() {
        return "http://codescoring.test";
    }

    @Override
    default String connectionKey() {
        return platformUrl();
    }
}
