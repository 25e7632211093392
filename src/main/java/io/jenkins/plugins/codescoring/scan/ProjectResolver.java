package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the project a user named into a project: a number is an id, which must exist (a wrong id would
 * otherwise read no alerts and pass); a name must match exactly one project (an exact, case-sensitive
 * match wins over a case-insensitive one).
 */
public final class ProjectResolver {
    private static final int SUGGESTIONS = 5;

    public Project resolve(CodescoringApi api, String selector) throws CodescoringException, InterruptedException {
        if (selector.chars().allMatch(Character::isDigit)) {
            return api.project(selector);
        }
        List<Project> found = api.searchProjects(selector);
        List<Project> exact = new ArrayList<>();
        List<Project> ignoringCase = new ArrayList<>();
        for (Project project : found) {
            if (project.name().equals(selector)) {
                exact.add(project);
            } else if (project.name().equalsIgnoreCase(selector)) {
                ignoringCase.add(project);
            }
        }
        List<Project> matches = exact.isEmpty() ? ignoringCase : exact;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            String similar = found.isEmpty() ? "" : " Projects with similar names: " + names(found) + ".";
            throw new CodescoringException(
                    ErrorKind.BAD_CONFIGURATION, "No CodeScoring project is named '" + selector + "'." + similar);
        }
        throw new CodescoringException(
                ErrorKind.BAD_CONFIGURATION,
                "Several CodeScoring projects are named '" + selector + "' (ids "
                        + matches.stream().map(Project::id).collect(Collectors.joining(", "))
                        + "): give the project's id instead.");
    }

    private static String names(List<Project> projects) {
        String listed = projects.stream()
                .limit(SUGGESTIONS)
                .map(p -> "'" + p.name() + "'")
                .collect(Collectors.joining(", "));
        return projects.size() > SUGGESTIONS ? listed + " and " + (projects.size() - SUGGESTIONS) + " more" : listed;
    }
}
