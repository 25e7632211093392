package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.TestServer.Recorded;
import io.jenkins.plugins.codescoring.api.TestServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Test;

/** Walking list endpoints page by page, and refusing servers that never stop. */
public class ClientPagingTest extends ClientFixture {
    private static final String EVIL_NEXT = "http://evil.example.com/steal/?page=2";

    @Test
    public void envelopePagesAreRequestedByNumberUntilNextIsNull() throws Exception {
        server.enqueue(
                Reply.json(envelope(250, EVIL_NEXT, policies(1, 100))),
                Reply.json(envelope(250, EVIL_NEXT, policies(101, 200))),
                Reply.json(envelope(250, null, policies(201, 250))));

        List<Policy> policies = client().policies();

        assertEquals(250, policies.size());
        assertEquals("250", policies.get(249).id());
        assertPages(1, 2, 3);
        for (Recorded request : server.requests()) {
            assertEquals("the next URL is never followed", "/api/policies/", request.path);
            assertEquals("100", request.query.get("per_page"));
        }
    }

    @Test
    public void aMissingNextEndsTheWalk() throws Exception {
        server.enqueue(Reply.json("{\"results\": " + policies(1, 100) + "}"));

        assertEquals(100, client().policies().size());
        assertPages(1);
    }

    @Test
    public void anEmptyPageEndsTheWalkEvenWithANext() throws Exception {
        server.enqueue(
                Reply.json(envelope(100, EVIL_NEXT, policies(1, 100))), Reply.json(envelope(100, EVIL_NEXT, "[]")));

        assertEquals(100, client().policies().size());
        assertPages(1, 2);
    }

    @Test
    public void bareArrayPagesEndWithAShortPage() throws Exception {
        server.enqueue(Reply.json(policies(1, 100)), Reply.json(policies(101, 199)));

        assertEquals(199, client().policies().size());
        assertPages(1, 2);
    }

    @Test
    public void bareArrayPagesEndWithAnEmptyPage() throws Exception {
        server.enqueue(Reply.json(policies(1, 100)), Reply.json("[]"));

        assertEquals(100, client().policies().size());
        assertPages(1, 2);
    }

    @Test
    public void aRepeatedPageIsAnError() throws Exception {
        server.otherwise(request -> Reply.json(envelope(1000, EVIL_NEXT, policies(1, 100))));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("the platform repeated page 2"));
        assertPages(1, 2);
    }

    @Test
    public void aBareArrayServerIgnoringThePageIsAnError() throws Exception {
        server.otherwise(request -> Reply.json(policies(1, 100)));

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("repeated page 2"));
    }

    @Test
    public void itemsShiftedOntoTheNextPageAreKeptOnce() throws Exception {
        server.enqueue(
                Reply.json(envelope(201, EVIL_NEXT, policies(1, 100))),
                Reply.json(envelope(201, EVIL_NEXT, policies(100, 199))),
                Reply.json(envelope(201, null, policies(199, 201))));

        List<Policy> policies = client().policies();

        assertEquals(201, policies.size());
        assertEquals(201, policies.stream().map(Policy::id).distinct().count());
    }

    @Test
    public void aServerOfferingMorePagesThanItsCountIsAnError() throws Exception {
        int[] next = {1};
        server.otherwise(request -> {
            int first = next[0];
            next[0] += 100;
            return Reply.json(envelope(150, EVIL_NEXT, policies(first, first + 99)));
        });

        CodescoringException e = failure(ErrorKind.UNREADABLE_RESPONSE, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("announced 150 items but still offered more after page 3"));
        assertPages(1, 2, 3);
    }

    @Test
    public void alertPagesKeepTheScopeOnEveryPage() throws Exception {
        server.enqueue(
                Reply.json(envelope(101, EVIL_NEXT, alerts(1, 100))),
                Reply.json(envelope(101, null, alerts(101, 101))));

        List<Alert> alerts = client().activeAlerts(AlertScope.of("7", "prod"));

        assertEquals(101, alerts.size());
        List<String> queries =
                server.requests().stream().map(request -> request.rawQuery).collect(Collectors.toList());
        assertEquals(
                List.of(
                        "status=active&project=7&stage=prod&page=1&per_page=100",
                        "status=active&project=7&stage=prod&page=2&per_page=100"),
                queries);
    }

    @Test
    public void projectSearchWalksPagesToo() throws Exception {
        server.enqueue(Reply.json(
                envelope(2, null, "[{\"id\": 1, \"name\": \"shop\"}, {\"id\": 2, \"name\": \"shop-api\"}]")));

        assertEquals(2, client().searchProjects("shop").size());
        assertEquals("search=shop&page=1&per_page=100", server.onlyRequest().rawQuery);
    }

    private void assertPages(Integer... pages) {
        List<Integer> requested = new ArrayList<>();
        for (Recorded request : server.requests()) {
            requested.add(Integer.valueOf(request.query.get("page")));
        }
        assertEquals(List.of(pages), requested);
    }

    private static String envelope(int count, String next, String results) {
        return "{\"count\": " + count + ", \"next\": " + (next == null ? "null" : "\"" + next + "\"")
                + ", \"previous\": null," + " \"results\": " + results + "}";
    }

    private static String policies(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(id -> "{\"id\": " + id + ", \"name\": \"p" + id
                        + "\", \"level\": \"info\", \"is_blocks_build\": false}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String alerts(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(id -> "{\"id\": " + id + ", \"policy\": 1, \"dependency_purl\": \"pkg:npm/a@" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
