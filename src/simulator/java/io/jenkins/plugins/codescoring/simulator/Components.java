package io.jenkins.plugins.codescoring.simulator;

import java.util.List;
import java.util.Locale;

/** Real-world open-source components (and their well-known vulnerabilities) that the presets use. */
final class Components {

    /** A component version with one known vulnerability. */
    record Vulnerable(String purl, String cve, String cvss) {}

    static final Vulnerable LOG4J =
            new Vulnerable("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "CVE-2021-44228", "10.0");
    static final Vulnerable GUAVA =
            new Vulnerable("pkg:maven/com.google.guava/guava@31.0.1-jre", "CVE-2023-2976", "7.1");
    static final Vulnerable SPRING_WEB =
            new Vulnerable("pkg:maven/org.springframework/spring-web@5.3.20", "CVE-2016-1000027", "9.8");
    static final Vulnerable JACKSON_DATABIND =
            new Vulnerable("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10", "CVE-2020-36518", "7.5");
    static final Vulnerable SNAKEYAML = new Vulnerable("pkg:maven/org.yaml/snakeyaml@1.30", "CVE-2022-1471", "9.8");
    static final Vulnerable COMMONS_COLLECTIONS =
            new Vulnerable("pkg:maven/commons-collections/commons-collections@3.2.1", "CVE-2015-7501", "9.8");
    static final Vulnerable DJANGO = new Vulnerable("pkg:pypi/django@4.2.2", "CVE-2024-38875", "7.5");
    static final Vulnerable LODASH = new Vulnerable("pkg:npm/lodash@4.17.20", "CVE-2021-23337", "7.2");
    static final Vulnerable MINIMIST = new Vulnerable("pkg:npm/minimist@1.2.5", "CVE-2021-44906", "9.8");
    static final Vulnerable AXIOS = new Vulnerable("pkg:npm/axios@0.21.1", "CVE-2021-3749", "7.5");

    static final String MYSQL_CONNECTOR = "pkg:maven/mysql/mysql-connector-java@8.0.28";
    static final String GHOSTSCRIPT_WRAPPER = "pkg:pypi/ghostscript@0.7";
    static final String MOMENT = "pkg:npm/moment@2.29.1";
    static final String REQUESTS = "pkg:pypi/requests@2.25.1";
    static final String GOLANG_NET = "pkg:golang/golang.org/x/net@v0.7.0";

    private static final List<String> GENERATED_BASES = List.of(
            "pkg:maven/org.apache.commons/commons-text@1.",
            "pkg:npm/express@4.17.",
            "pkg:pypi/urllib3@1.26.",
            "pkg:maven/io.netty/netty-codec-http@4.1.",
            "pkg:npm/semver@5.7.",
            "pkg:nuget/Newtonsoft.Json@12.0.",
            "pkg:golang/github.com/gin-gonic/gin@v1.7.",
            "pkg:pypi/pyyaml@5.3.");

    private Components() {}

    /** {@code log4j-core@2.14.1 has CVE-2021-44228, CVSS3 Score 10.0 >= 7.00}, as the platform words it. */
    static String criteria(String purl, String cve, String cvss) {
        return nameAndVersion(purl) + " has " + cve + ", CVSS3 Score " + cvss + " >= 7.00";
    }

    /** {@code pkg:maven/org.yaml/snakeyaml@1.30} → {@code snakeyaml@1.30}. */
    static String nameAndVersion(String purl) {
        return purl.substring(purl.lastIndexOf('/') + 1);
    }

    /** A distinct, plausible component version for generated alert number {@code index}. */
    static String generated(int index) {
        return GENERATED_BASES.get(index % GENERATED_BASES.size()) + (index / GENERATED_BASES.size());
    }

    /** A distinct, plausible vulnerability id for generated alert number {@code index}. */
    static String generatedCve(int index) {
        return String.format(Locale.ROOT, "CVE-2024-%05d", 20000 + index);
    }
}
