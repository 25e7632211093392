package io.jenkins.plugins.codescoring.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the options of {@code scan}: {@code --name value} or {@code --name=value}, each at most once.
 * Values of free-form arguments are never repeated in messages, since a misplaced one may be a secret.
 */
final class ScanArguments {
    static final String URL = "--url";
    static final String PROJECT = "--project";
    static final String STAGE = "--stage";
    static final String TIMEOUT = "--timeout";
    static final String POLL_INTERVAL = "--poll-interval";
    static final String JSON = "--json";
    static final String TOKEN = "--token";

    private static final Set<String> OPTIONS = Set.of(URL, PROJECT, STAGE, TIMEOUT, POLL_INTERVAL, JSON);

    private ScanArguments() {}

    static ScanCommandLine parse(List<String> args) throws UsageException {
        refuseToken(args);
        Map<String, String> values = values(args);
        String url = values.get(URL);
        if (url == null) {
            throw new UsageException(URL + " is required: the address of the CodeScoring platform.");
        }
        return new ScanCommandLine(
                url,
                values.get(PROJECT),
                values.get(STAGE),
                seconds(values, TIMEOUT),
                seconds(values, POLL_INTERVAL),
                path(values.get(JSON)));
    }

    private static void refuseToken(List<String> args) throws UsageException {
        for (String arg : args) {
            if (arg.equals(TOKEN) || arg.startsWith(TOKEN + "=")) {
                throw new UsageException(TOKEN
                        + " is not accepted: a token in the arguments leaks into shell history and"
                        + " process lists. Set the " + ScanCommand.TOKEN_VARIABLE + " environment variable instead.");
            }
        }
    }

    private static Map<String, String> values(List<String> args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                throw new UsageException("Unexpected argument in position " + (i + 2) + ": scan takes only options.");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!OPTIONS.contains(name)) {
                throw new UsageException("Unknown option " + name + ".");
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = "";
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value.");
            }
            if (values.putIfAbsent(name, value.trim()) != null) {
                throw new UsageException(name + " is given more than once.");
            }
        }
        return values;
    }

    /** A whole, positive number of seconds, or null when the option is not given. */
    private static Duration seconds(Map<String, String> values, String option) throws UsageException {
        String value = values.get(option);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number of seconds greater than 0, not '" + value + "'.");
    }

    private static Path path(String value) throws UsageException {
        try {
            return value == null ? null : Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(JSON + " is not a valid file name (" + e.getReason() + ").");
        }
    }
}
