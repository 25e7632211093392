package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.api.Redactor;
import java.io.PrintStream;
import java.util.List;

/**
 * Where the terminal runner writes: results and progress to standard output, problems to standard
 * error, every line passed through the redactor first so the token cannot be printed even by mistake.
 */
final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final Redactor redactor;

    Console(PrintStream out, PrintStream err, Redactor redactor) {
        this.out = out;
        this.err = err;
        this.redactor = redactor;
    }

    void print(String line) {
        out.println(redactor.redact(line));
        out.flush();
    }

    void print(List<String> lines) {
        lines.forEach(this::print);
    }

    void problem(String line) {
        err.println(redactor.redact(line));
        err.flush();
    }
}
