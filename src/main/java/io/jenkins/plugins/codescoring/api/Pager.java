package io.jenkins.plugins.codescoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every page of a list endpoint. Pages are requested by number, {@value #PER_PAGE} items at a
 * time (newer platforms refuse larger pages); the "next" URL of an envelope only says that more pages
 * exist and is never requested, since it may point to another host. A server that repeats pages or
 * never stops is an error, not an endless loop. A 404 for a later page ends the list when the count
 * allows it (DRF answers "Invalid page." past the last page, e.g. after a {@code next} link that loops).
 */
final class Pager {
    static final int PER_PAGE = 100;
    static final int MAX_PAGES = 2000;

    /** Sends one page request. */
    interface Fetch {
        Answer fetch(ApiCall call) throws CodescoringException, InterruptedException;
    }

    /** Reads one item of a page. */
    interface ItemReader<T> {
        T read(JsonNode item) throws UnexpectedShape;
    }

    private final ResponseReader responses;
    private final Failures failures;

    Pager(ResponseReader responses, Failures failures) {
        this.responses = responses;
        this.failures = failures;
    }

    <T> List<T> readAll(ApiCall listCall, Fetch fetch, ItemReader<T> reader, Function<T, String> idOf)
            throws CodescoringException, InterruptedException {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long announced = -1;
        Answer previous = null;
        for (int page = 1; ; page++) {
            if (page > MAX_PAGES) {
                throw failures.unreadable(previous, "it offered more than " + MAX_PAGES + " pages");
            }
            if (announced >= 0 && page > pagesFor(announced) + 1) {
                throw failures.unreadable(
                        previous,
                        "it announced " + announced + " items but still offered more after page " + (page - 1));
            }
            Answer answer = fetch.fetch(
                    listCall.with("page", Integer.toString(page)).with("per_page", Integer.toString(PER_PAGE)));
            if (page > 1 && answer.status() == 404) {
                // Django REST framework's "Invalid page.": the list ended, unless its count says otherwise.
                if (announced < 0 || all.size() >= announced) {
                    return all;
                }
                throw failures.unreadable(
                        answer,
                        "it announced " + announced + " items but answered HTTP 404 for page " + page + " after "
                                + all.size());
            }
            JsonNode root = responses.json(answer);
            JsonNode items = items(root, answer);
            int fresh = 0;
            for (int index = 0; index < items.size(); index++) {
                T item;
                try {
                    item = reader.read(items.get(index));
                } catch (UnexpectedShape e) {
                    throw failures.unreadable(answer, "page " + page + ", item " + (index + 1) + ": " + e.getMessage());
                }
                // Items that shift between pages while new ones are added appear twice: keep the first.
                if (seen.add(idOf.apply(item))) {
                    all.add(item);
                    fresh++;
                }
            }
            if (items.size() > 0 && fresh == 0) {
                throw failures.unreadable(answer, "the platform repeated page " + page);
            }
            if (page == 1) {
                announced = announcedCount(root);
            }
            if (!hasMore(root, items)) {
                return all;
            }
            previous = answer;
        }
    }

    /** The items of a page: the answer itself when it is a list, else its "results". */
    JsonNode items(JsonNode root, Answer answer) throws CodescoringException {
        if (root.isArray()) {
            return root;
        }
        JsonNode results = root.isObject() ? root.get("results") : null;
        if (results == null) {
            throw failures.unreadable(answer, "it is neither a list nor a page with \"results\"");
        }
        if (!results.isArray()) {
            throw failures.unreadable(answer, "\"results\" is not a list");
        }
        return results;
    }

    private static boolean hasMore(JsonNode root, JsonNode items) {
        if (items.size() == 0) {
            return false;
        }
        if (root.isArray()) {
            return items.size() >= PER_PAGE;
        }
        JsonNode next = root.get("next");
        return next != null
                && !next.isNull()
                && !(next.isTextual() && next.asText().isBlank())
                && !(next.isBoolean() && !next.booleanValue());
    }

    /** The item count the first page announces, or -1. One page more than it needs is allowed (items may be added). */
    private static long announcedCount(JsonNode root) {
        JsonNode count = root.isObject() ? root.get("count") : null;
        return count != null && count.isIntegralNumber() && count.asLong() >= 0 ? count.asLong() : -1;
    }

    private static long pagesFor(long count) {
        return (count + PER_PAGE - 1) / PER_PAGE;
    }
}
