package io.jenkins.plugins.codescoring.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.simulator.Dataset.Alert;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

/** The presets say what their names promise; the builder checks references. */
public class DatasetTest {

    private static final Instant NOW = Instant.now();

    @Test
    public void presetsBlockAsTheirNamesSay() {
        assertTrue(Dataset.clean().alerts().isEmpty());
        assertEquals(1, Dataset.blocking().blockingAlerts(NOW).size());
        assertEquals(1, Dataset.policyById().blockingAlerts(NOW).size());
        assertTrue(Dataset.policyById().alerts().stream().noneMatch(Alert::embedsPolicy));
        assertTrue(Dataset.delayedBlocker().blockingAlerts(NOW).isEmpty());
        assertTrue(Dataset.delayedBlocker().alerts().get(0).blockDelayedUntil().isAfter(NOW));
        assertEquals(1, Dataset.delayExpired().blockingAlerts(NOW).size());
        assertTrue(Dataset.ignoredAlert().blockingAlerts(NOW).isEmpty());
        assertTrue(Dataset.inactivePolicy().blockingAlerts(NOW).isEmpty());
        Dataset inactive = Dataset.inactivePolicy();
        assertTrue(inactive.policy(inactive.alerts().get(0).policyId())
                .orElseThrow()
                .blocksBuild());
        assertTrue(Dataset.demo().blockingAlerts(NOW).size() >= 5);
        assertTrue(Dataset.demo().alerts().size() >= 15);
    }

    @Test
    public void manyPagesPutsBlockersInTheMiddleAndAtTheEnd() {
        Dataset dataset = Dataset.manyPages(250);
        assertEquals(250, dataset.alerts().size());
        List<Integer> positions = dataset.blockingAlerts(NOW).stream()
                .map(alert -> dataset.alerts().indexOf(alert))
                .collect(Collectors.toList());
        assertEquals(List.of(125, 249), positions);
        assertEquals(
                250,
                dataset.alerts().stream().map(Alert::dependencyPurl).distinct().count());
        assertEquals(1, Dataset.manyPages(1).blockingAlerts(NOW).size());
        assertTrue(Dataset.manyPages(0).alerts().isEmpty());
    }

    @Test
    public void severalProjectsBlockOnlyWhereDocumented() {
        Dataset dataset = Dataset.severalProjects();
        assertEquals(
                List.of("shop", "shop-backend", "billing", "Inventory Service"),
                dataset.projects().stream().map(Dataset.Project::name).collect(Collectors.toList()));
        List<String> blockers = dataset.blockingAlerts(NOW).stream()
                .map(alert -> dataset.project(alert.projectId()).orElseThrow().name() + "@" + alert.stage())
                .collect(Collectors.toList());
        assertEquals(List.of("shop-backend@build", "billing@prod"), blockers);
        assertTrue(dataset.alerts().stream().anyMatch(alert -> alert.projectId() == 1));
    }

    @Test
    public void byNameIgnoresCaseAndDashes() {
        assertEquals("delayed-blocker", Dataset.byName("DelayedBlocker").name());
        assertEquals("delayed-blocker", Dataset.byName("delayed_blocker").name());
        assertEquals(250, Dataset.byName("many-pages").alerts().size());
        assertEquals(42, Dataset.byName("many-pages:42").alerts().size());
        for (String name : Dataset.presetNames()) {
            if (!name.endsWith(":N")) {
                assertFalse(name, Dataset.byName(name).name().isEmpty());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Dataset.byName("unknown"));
        assertThrows("the count keeps its sign", IllegalArgumentException.class, () -> Dataset.byName("many-pages:-5"));
        assertThrows(IllegalArgumentException.class, () -> Dataset.byName("blocking:5"));
    }

    @Test
    public void builderNumbersAlertsAndChecksReferences() {
        Dataset dataset = Dataset.builder("custom")
                .policy(1, "P", "warning", true, false)
                .project(5, "p")
                .alert(Dataset.alert(1, 5).id(10))
                .alert(Dataset.alert(1, 5).stage("prod").ignored(true).policyAsId())
                .build();
        assertEquals(List.of(10L, 11L), dataset.alerts().stream().map(Alert::id).collect(Collectors.toList()));
        Alert second = dataset.alerts().get(1);
        assertEquals("warning", second.level());
        assertEquals("prod", second.stage());
        assertFalse(second.embedsPolicy());
        assertThrows(IllegalArgumentException.class, () -> Dataset.builder("x")
                .project(1, "p")
                .alert(Dataset.alert(9, 1))
                .build());
        assertThrows(IllegalArgumentException.class, () -> Dataset.builder("x")
                .policy(1, "P", "info", true, true)
                .alert(Dataset.alert(1, 9))
                .build());
    }
}
