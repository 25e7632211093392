package io.jenkins.plugins.codescoring.simulator;

/**
 * The words {@code /status} uses. By default a run is {@code pending}, then {@code in_progress}, and ends
 * {@code success}, {@code failed} or {@code cancelled}; other platform versions say other words, so the
 * running and success words can be replaced (one running word then covers the whole run).
 *
 * @param running null for the default pending/in_progress pair
 * @param success null for {@code success}
 */
record StatusWords(String running, String success) {

    static final StatusWords DEFAULT = new StatusWords(null, null);

    String wordFor(RunProgress phase) {
        switch (phase) {
            case NOT_STARTED:
                return "not_started";
            case PENDING:
                return running != null ? running : "pending";
            case IN_PROGRESS:
                return running != null ? running : "in_progress";
            case SUCCESS:
                return success != null ? success : "success";
            case FAILED:
                return "failed";
            case CANCELLED:
                return "cancelled";
            default:
                throw new IllegalArgumentException(phase.name());
        }
    }
}
