package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The pager's runaway guards, driven without HTTP so thousands of pages take no time. */
public class PagerTest {
    private final Failures failures =
            new Failures("http://cs.test", Redactor.of("secret-token-1"), Duration.ofSeconds(30), 4 << 20);
    private final Pager pager = new Pager(new ResponseReader(failures), failures);
    private final List<ApiCall> calls = new ArrayList<>();

    @Test
    public void aServerThatNeverStopsIsCutOffAtTheHardCap() throws Exception {
        Pager.Fetch endless = call -> {
            calls.add(call);
            int page = Integer.parseInt(call.queryParameter("page"));
            return answer(call, "{\"next\": \"x\", \"results\": [{\"id\": " + page + "}]}");
        };

        try {
            pager.readAll(
                    ApiCall.get("/api/policies/"),
                    endless,
                    item -> item.get("id").asText(),
                    id -> id);
            fail("a server offering pages forever must be refused");
        } catch (CodescoringException e) {
            assertEquals(ErrorKind.UNREADABLE_RESPONSE, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains("more than 2000 pages"));
        }
        assertEquals(Pager.MAX_PAGES, calls.size());
    }

    @Test
    public void aCountOfZeroAllowsOnePageOnly() throws Exception {
        Pager.Fetch liar = call -> {
            calls.add(call);
            return answer(
                    call,
                    "{\"count\": 0, \"next\": \"x\", \"results\": [{\"id\": " + call.queryParameter("page") + "}]}");
        };

        try {
            pager.readAll(
                    ApiCall.get("/api/alerts/"), liar, item -> item.get("id").asText(), id -> id);
            fail();
        } catch (CodescoringException e) {
            assertTrue(
                    e.getMessage(), e.getMessage().contains("announced 0 items but still offered more after page 1"));
        }
        assertEquals(1, calls.size());
    }

    @Test
    public void pagesNeverAskForMoreThanAHundred() throws Exception {
        Pager.Fetch twoPages = call -> {
            calls.add(call);
            return answer(
                    call,
                    call.queryParameter("page").equals("1")
                            ? "{\"next\": \"x\", \"results\": [{\"id\": 1}]}"
                            : "{\"next\": null, \"results\": [{\"id\": 2}]}");
        };

        List<String> ids = pager.readAll(
                ApiCall.get("/api/policies/"), twoPages, item -> item.get("id").asText(), id -> id);

        assertEquals(List.of("1", "2"), ids);
        for (ApiCall call : calls) {
            assertEquals("100", call.queryParameter("per_page"));
        }
    }

    private static Answer answer(ApiCall call, String json) {
        HttpHeaders headers =
                HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        return new Answer(call, 200, headers, CappedBody.complete(json.getBytes(StandardCharsets.UTF_8)), 1);
    }
}
