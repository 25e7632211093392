package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Cuts a list into the page envelope {@code {"count", "next", "previous", "results"}} with absolute
 * links, as Django REST framework's page-number pagination does; a list fault can distort it.
 */
final class PageEnvelope {

    /** How a list fault makes the envelope lie. */
    enum Distortion {
        NONE,
        /** {@code next} points at the page itself. */
        LOOP,
        /** {@code count} is far larger than the items that exist. */
        COUNT_LIES,
        /** Every page holds the items of page 1 (links stay right). */
        REPEATED_PAGES
    }

    static final int LYING_COUNT_EXTRA = 10_000;

    private PageEnvelope() {}

    /** Rejects a page past the last one with 404 "Invalid page." (page 1 always exists, even empty). */
    static void requireExisting(PageRequest request, int count) throws ApiException {
        if (request.page() > lastPage(request, count)) {
            throw ApiException.detail(404, "Invalid page.");
        }
    }

    /**
     * The envelope of an existing page (see {@link #requireExisting}).
     *
     * @param listUrl the absolute URL of the list without query, e.g. {@code http://127.0.0.1:8081/api/alerts/}
     */
    static <T> ObjectNode of(
            List<T> items,
            Function<T, JsonNode> render,
            PageRequest request,
            String listUrl,
            Query query,
            Distortion distortion) {
        int count = items.size();
        int lastPage = lastPage(request, count);
        int shownPage = distortion == Distortion.REPEATED_PAGES ? 1 : request.page();
        int from = (shownPage - 1) * request.perPage();
        List<T> slice = items.subList(from, Math.min(count, from + request.perPage()));

        ObjectNode envelope = ApiJson.object();
        envelope.put("count", distortion == Distortion.COUNT_LIES ? count + LYING_COUNT_EXTRA : count);
        int nextPage = distortion == Distortion.LOOP ? request.page() : request.page() + 1;
        envelope.put("next", nextPage <= lastPage ? pageUrl(listUrl, query, nextPage) : null);
        envelope.put("previous", request.page() > 1 ? pageUrl(listUrl, query, request.page() - 1) : null);
        ArrayNode results = envelope.putArray("results");
        slice.forEach(item -> results.add(render.apply(item)));
        return envelope;
    }

    private static int lastPage(PageRequest request, int count) {
        return Math.max(1, (count + request.perPage() - 1) / request.perPage());
    }

    private static String pageUrl(String listUrl, Query query, int page) {
        return listUrl + "?" + query.with("page", Integer.toString(page));
    }
}
