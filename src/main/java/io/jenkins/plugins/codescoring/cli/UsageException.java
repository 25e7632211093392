package io.jenkins.plugins.codescoring.cli;

/** The command line cannot be run as given; the message says why in one line. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
