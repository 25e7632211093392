package io.jenkins.plugins.codescoring.simulator;

/** The {@code page} and {@code per_page} of a list request, both required, validated as the platform does. */
record PageRequest(int page, int perPage) {

    static final int MAX_PAGE_SIZE = 100;

    static PageRequest from(Query query) throws ApiException {
        String page = query.get("page");
        String perPage = query.get("per_page");
        if (page == null || perPage == null) {
            throw ApiException.detail(400, "Both page and per_page query parameters are required.");
        }
        int size = parse(perPage, "per_page must be a positive integer");
        if (size < 1) {
            throw ApiException.detail(400, "per_page must be a positive integer");
        }
        if (size > MAX_PAGE_SIZE) {
            throw ApiException.detail(400, "per_page must not exceed " + MAX_PAGE_SIZE);
        }
        int number;
        try {
            number = Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            throw ApiException.detail(404, "Invalid page.");
        }
        if (number < 1) {
            throw ApiException.detail(404, "Invalid page.");
        }
        return new PageRequest(number, size);
    }

    private static int parse(String value, String message) throws ApiException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.detail(400, message);
        }
    }
}
