package io.jenkins.plugins.codescoring.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns what a user typed as the platform URL into the base every API path is appended to, and checks
 * that the paths keep requests on that host. The error messages never repeat the URL itself: a pasted
 * URL may hold a password or a token.
 */
final class PlatformUrl {
    private PlatformUrl() {}

    static String normalize(String url) throws CodescoringException {
        if (url == null || url.isBlank()) {
            throw invalid("The platform URL is empty.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid("The platform URL is not a valid URL (" + e.getReason() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("The platform URL must start with http:// or https://"
                    + (scheme.isEmpty() ? "." : " (it starts with " + scheme + ":)."));
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(
                    "The platform URL must not contain a user name or password; the API token comes from the credential.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("The platform URL has no valid host name.");
        }
        if (uri.getPort() > 65535) {
            throw invalid("The platform URL has an invalid port.");
        }
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            throw invalid("The platform URL must not contain a query (?...).");
        }
        if (uri.getRawFragment() != null && !uri.getRawFragment().isEmpty()) {
            throw invalid("The platform URL must not contain a fragment (#...).");
        }
        return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + basePath(uri.getRawPath());
    }

    /**
     * Checks that every API path appended to the URL gives a valid URL on the platform's own host, so
     * that no path override can send the token elsewhere.
     */
    static void checkPaths(String platformUrl, ApiPaths paths) throws CodescoringException {
        String authority = URI.create(platformUrl).getRawAuthority();
        for (ApiPaths.Endpoint endpoint : ApiPaths.Endpoint.values()) {
            String path = paths.path(endpoint);
            if (!staysOnHost(platformUrl + path, authority) || path.startsWith("//")) {
                throw invalid("The API path for " + endpoint.name() + " (set by " + endpoint.systemProperty() + " or "
                        + endpoint.environmentVariable() + ") is not a valid URL path.");
            }
        }
    }

    private static boolean staysOnHost(String url, String authority) {
        try {
            URI target = new URI(url);
            return authority.equals(target.getRawAuthority())
                    && target.getRawQuery() == null
                    && target.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The path without trailing slashes and without a trailing "/api" (users often paste the API root). */
    private static String basePath(String rawPath) {
        String path = stripTrailingSlashes(rawPath == null ? "" : rawPath);
        if (path.endsWith("/api")) {
            path = stripTrailingSlashes(path.substring(0, path.length() - "/api".length()));
        }
        return path;
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static CodescoringException invalid(String message) {
        return new CodescoringException(ErrorKind.BAD_CONFIGURATION, message);
    }
}
