package io.jenkins.plugins.codescoring.simulator;

import java.util.Objects;

/** The simulator's switches that the request handlers read; each may change at any time. Thread-safe. */
final class SimulatorSettings {

    private final String token;
    private volatile Dataset dataset = Dataset.clean();
    private volatile boolean legacyBooleans;
    private volatile StatusWords statusWords = StatusWords.DEFAULT;
    private volatile StartResponse startResponse = StartResponse.ID_AND_STATUS;

    SimulatorSettings(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    String token() {
        return token;
    }

    Dataset dataset() {
        return dataset;
    }

    void setDataset(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    ApiJson json() {
        return new ApiJson(legacyBooleans);
    }

    void setLegacyBooleans(boolean legacy) {
        this.legacyBooleans = legacy;
    }

    StatusWords statusWords() {
        return statusWords;
    }

    void setStatusWords(StatusWords words) {
        this.statusWords = Objects.requireNonNull(words, "words");
    }

    StartResponse startResponse() {
        return startResponse;
    }

    void setStartResponse(StartResponse kind) {
        this.startResponse = Objects.requireNonNull(kind, "kind");
    }
}
