package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import io.jenkins.plugins.codescoring.api.ApiPaths.Endpoint;
import java.util.Map;
import java.util.Properties;
import org.junit.Test;

public class ApiPathsTest {

    @Test
    public void defaultsAreTheContractPaths() {
        ApiPaths paths = ApiPaths.defaults();
        assertEquals("/api/analyses/overall_sca/start/", paths.path(Endpoint.START_ANALYSIS));
        assertEquals("/api/analyses/overall_sca/status/", paths.path(Endpoint.ANALYSIS_STATUS));
        assertEquals("/api/alerts/", paths.path(Endpoint.ALERTS));
        assertEquals("/api/policies/", paths.path(Endpoint.POLICIES));
        assertEquals("/api/projects/", paths.path(Endpoint.PROJECTS));
    }

    @Test
    public void systemPropertiesOverrideAndGetBothSlashes() {
        Properties properties = new Properties();
        properties.setProperty("codescoring.api.path.alerts", "api/v2/alerts");
        properties.setProperty("codescoring.api.path.policies", "  ");
        ApiPaths paths = ApiPaths.fromSettings(properties::getProperty, Map.of());

        assertEquals("/api/v2/alerts/", paths.path(Endpoint.ALERTS));
        assertEquals("a blank override keeps the default", "/api/policies/", paths.path(Endpoint.POLICIES));
        assertNotEquals(ApiPaths.defaults(), paths);
    }

    @Test
    public void environmentVariablesWinOverSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty("codescoring.api.path.analysis_status", "/from/property/");
        ApiPaths paths = ApiPaths.fromSettings(
                properties::getProperty, Map.of("CODESCORING_API_PATH_ANALYSIS_STATUS", " /from/environment "));

        assertEquals("/from/environment/", paths.path(Endpoint.ANALYSIS_STATUS));
    }

    @Test
    public void settingsAreReadOnceWhenThePathsAreMade() {
        Properties properties = new Properties();
        ApiPaths paths = ApiPaths.fromSettings(properties::getProperty, Map.of());
        properties.setProperty("codescoring.api.path.alerts", "/api/changed later/");

        assertEquals(
                "a client uses the paths it checked when it was built", "/api/alerts/", paths.path(Endpoint.ALERTS));
    }

    @Test
    public void settingNamesAreDerivedFromTheEndpoint() {
        assertEquals("codescoring.api.path.start_analysis", Endpoint.START_ANALYSIS.systemProperty());
        assertEquals("CODESCORING_API_PATH_START_ANALYSIS", Endpoint.START_ANALYSIS.environmentVariable());
    }

    @Test
    public void equalPathsAreEqual() {
        ApiPaths same = ApiPaths.fromSettings(name -> null, Map.of("CODESCORING_API_PATH_ALERTS", "/api/alerts"));
        assertEquals(ApiPaths.defaults(), same);
        assertEquals(ApiPaths.defaults().hashCode(), same.hashCode());
    }
}
