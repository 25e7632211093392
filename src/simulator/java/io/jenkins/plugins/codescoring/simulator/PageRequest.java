package io.jenkins.plugins.codescoring.simulator;

/** The {@code page} and {@code per_page} of a list request, both required, validated as the platform does. */
record PageRequest(int page, int perPage) {

    /** {@code CODESCORING_API_MAX_PAGE_SIZE}'s default; more is an error since platform 2025.37.5. */
    static final int MAX_PAGE_SIZE = 100;

    static PageRequest from(Query query) throws ApiException {
        String page = query.get("page");
        String perPage = query.get("per_page");
        if (page == null || perPage == null) {
            throw ApiException.detail(400, "Both page and per_page query parameters are required.");
        }
        int size = positiveOrZero(perPage);
        if (size < 1) {
            throw ApiException.detail(400, "per_page must be a positive integer");
        }
        if (size > MAX_PAGE_SIZE) {
            throw ApiException.detail(400, "per_page must not exceed " + MAX_PAGE_SIZE);
        }
        int number = positiveOrZero(page);
        if (number < 1) {
            throw ApiException.detail(404, "Invalid page.");
        }
        return new PageRequest(number, size);
    }

    /** The number, or 0 when the text is not a non-negative integer. */
    private static int positiveOrZero(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
