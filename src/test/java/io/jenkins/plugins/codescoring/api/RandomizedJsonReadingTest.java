package io.jenkins.plugins.codescoring.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.codescoring.api.TestServer.Reply;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/**
 * Randomized, with fixed seeds: the JSON reading of alerts, policies, projects and statuses, fed with
 * generated documents whose every field is drawn from what platforms write and what they should not
 * (missing fields, wrong types, nulls, extra fields, strings for booleans, huge numbers, unicode,
 * nesting), plus documents mangled at the text level. Each structured document carries the reading an
 * independent oracle expects: either a value for every field, or a refusal. Checked properties:
 * <ul>
 * <li>the reader throws nothing but a typed {@link CodescoringException} (never a runtime exception);</li>
 * <li>a document the oracle refuses is refused as UNREADABLE_RESPONSE, naming the item: no alert is
 * ever returned half read, with a wrong field silently defaulted or skipped;</li>
 * <li>a document the oracle accepts is read field for field as expected, with the token masked;</li>
 * <li>no error message holds the token.</li>
 * </ul>
 */
public class RandomizedJsonReadingTest {
    private static final String TOKEN = "fuzz-TOKEN-71c3e0b9a4d28f56";
    private static final long SEED = 0x5EC0DE5L;
    private static final int DOCUMENTS = 2500;
    private static final ApiCall ALERTS = ApiCall.get("/api/alerts/");
    private static final ApiCall POLICIES = ApiCall.get("/api/policies/");
    private static final ApiCall STATUS = ApiCall.get("/api/analyses/overall_sca/status/");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Rule
    public Timeout timeout = Timeout.seconds(60); // a guard against a hang, not a speed goal

    private final Redactor redactor = Redactor.of(TOKEN);
    private final Failures failures = new Failures("http://cs.test", redactor, Duration.ofSeconds(30), 4 << 20);
    private final ResponseReader responses = new ResponseReader(failures);
    private final ModelReader models = new ModelReader(redactor);
    private final Pager pager = new Pager(responses, failures);

    @Test
    public void alertPagesAreReadExactlyAsTheOracleSaysOrRefusedWhole() throws Exception {
        Random random = new Random(SEED);
        int refused = 0;
        for (int doc = 0; doc < DOCUMENTS; doc++) {
            int count = random.nextInt(6);
            List<Generated<ExpectedAlert>> items = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                items.add(random.nextInt(40) == 0 ? notAnObject(random) : alert(random, doc * 10 + i));
            }
            String page = page(random, items);
            int firstBad = firstInvalid(items);
            try {
                List<Alert> read = pager.readAll(ALERTS, fetchOnly(page), models::alert, Alert::id);
                if (firstBad >= 0) {
                    fail("accepted item " + (firstBad + 1) + " that must be refused: " + items.get(firstBad).json
                            + "\nin " + page);
                }
                assertEquals(page, count, read.size());
                for (int i = 0; i < count; i++) {
                    items.get(i).expected.check(read.get(i), page);
                }
            } catch (CodescoringException e) {
                if (firstBad < 0) {
                    throw new AssertionError("refused a readable page: " + e.getMessage() + "\n" + page, e);
                }
                refused++;
                assertEquals(e.getMessage(), ErrorKind.UNREADABLE_RESPONSE, e.kind());
                assertThat(page, e.getMessage(), containsString("item " + (firstBad + 1) + ":"));
                assertNoToken(e);
            }
        }
        assertTrue(
                "both outcomes were exercised: " + refused, refused > DOCUMENTS / 10 && refused < DOCUMENTS * 9 / 10);
    }

    @Test
    public void singleAlertsAndPoliciesAreReadAsTheOracleSays() throws Exception {
        Random random = new Random(SEED + 1);
        for (int doc = 0; doc < DOCUMENTS; doc++) {
            Generated<ExpectedAlert> alert = alert(random, doc);
            try {
                Alert read = models.alert(responses.json(answer(ALERTS, alert.json)));
                assertFalse("accepted " + alert.json, alert.isInvalid());
                alert.expected.check(read, alert.json);
            } catch (UnexpectedShape e) {
                assertTrue("refused " + alert.json + ": " + e.getMessage(), alert.isInvalid());
            }

            Generated<Policy> policy = policyObject(random, String.valueOf(doc));
            try {
                Policy read = models.policy(responses.json(answer(POLICIES, policy.json)));
                assertFalse("accepted " + policy.json, policy.isInvalid());
                assertEquals(policy.json, policy.expected, read);
            } catch (UnexpectedShape e) {
                assertTrue("refused " + policy.json + ": " + e.getMessage(), policy.isInvalid());
            }
        }
    }

    @Test
    public void statusesAreReadAsTheOracleSays() throws Exception {
        Random random = new Random(SEED + 2);
        for (int doc = 0; doc < DOCUMENTS; doc++) {
            Generated<AnalysisStatus> status = status(random);
            try {
                AnalysisStatus read = readStatus(answer(STATUS, status.json));
                assertFalse("accepted " + status.json, status.isInvalid());
                assertEquals(status.json, status.expected, read);
            } catch (CodescoringException e) {
                assertTrue("refused " + status.json + ": " + e.getMessage(), status.isInvalid());
                assertEquals(ErrorKind.UNREADABLE_RESPONSE, e.kind());
                assertNoToken(e);
            }
        }
    }

    @Test
    public void mangledDocumentsGiveTypedErrorsOnlyAndNeverTheToken() throws Exception {
        Random random = new Random(SEED + 3);
        int accepted = 0;
        for (int doc = 0; doc < DOCUMENTS; doc++) {
            List<Generated<ExpectedAlert>> items = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                items.add(alert(random, doc * 10 + i));
            }
            String mangled = mangle(random, random.nextBoolean() ? page(random, items) : status(random).json);
            try {
                if (random.nextBoolean()) {
                    List<Alert> read = pager.readAll(ALERTS, fetchOnly(mangled), models::alert, Alert::id);
                    accepted++;
                    assertWhole(read, mangled);
                } else if (random.nextBoolean()) {
                    pager.readAll(POLICIES, fetchOnly(mangled), models::policy, Policy::id);
                    accepted++;
                } else {
                    readStatus(answer(STATUS, mangled));
                    accepted++;
                }
            } catch (CodescoringException e) {
                assertNoToken(e);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("untyped failure " + e + " reading:\n" + mangled, e);
            }
        }
        assertTrue("some mangled documents stay readable: " + accepted, accepted > 0);
    }

    @Test
    public void theRealClientOverHttpAgreesWithTheOracle() throws Exception {
        Random random = new Random(SEED + 4);
        try (TestServer server = new TestServer()) {
            CodescoringClient client = CodescoringClient.builder(server.url(), TOKEN)
                    .paths(ApiPaths.defaults())
                    .retryPolicy(RetryPolicy.none())
                    .requestTimeout(Duration.ofSeconds(5))
                    .build();
            for (int doc = 0; doc < 150; doc++) {
                List<Generated<ExpectedAlert>> items = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    items.add(alert(random, doc * 10 + i));
                }
                String page = page(random, items);
                int firstBad = firstInvalid(items);
                server.enqueue(Reply.json(page));
                try {
                    List<Alert> read = client.activeAlerts(AlertScope.all());
                    assertTrue("accepted " + page, firstBad < 0);
                    for (int i = 0; i < items.size(); i++) {
                        items.get(i).expected.check(read.get(i), page);
                    }
                } catch (CodescoringException e) {
                    assertTrue("refused " + page + ": " + e.getMessage(), firstBad >= 0);
                    assertThat(page, e.getMessage(), containsString("item " + (firstBad + 1) + ":"));
                    assertNoToken(e);
                }
                Generated<AnalysisStatus> status = status(random);
                server.enqueue(Reply.json(status.json));
                try {
                    assertEquals(status.json, status.expected, client.overallAnalysisStatus());
                    assertFalse(status.isInvalid());
                } catch (CodescoringException e) {
                    assertTrue("refused " + status.json + ": " + e.getMessage(), status.isInvalid());
                    assertNoToken(e);
                }
            }
        }
    }

    // ---- the oracle: generated fields with the reading they must get ---------------------------------

    /** A generated JSON text (null: a field left out) and what it must read as, or that it must be refused. */
    private static final class Generated<T> {
        final String json;
        final boolean invalid;
        final T expected;

        Generated(String json, boolean invalid, T expected) {
            this.json = json;
            this.invalid = invalid;
            this.expected = expected;
        }

        boolean isInvalid() {
            return invalid;
        }

        T value() {
            return expected;
        }
    }

    private static <T> Generated<T> valid(String json, T expected) {
        return new Generated<>(json, false, expected);
    }

    private static <T> Generated<T> omitted(T expected) {
        return new Generated<>(null, false, expected);
    }

    private static <T> Generated<T> invalid(String json) {
        return new Generated<>(json, true, null);
    }

    @SafeVarargs
    private static <T> Generated<T> pick(Random random, Generated<T>... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** An id: a number or a text (trimmed); blank is none; other types are wrong. Distinct per serial. */
    private static Generated<String> id(Random random, long serial) {
        switch (random.nextInt(14)) {
            case 0:
            case 1:
            case 2:
            case 3:
                return valid(Long.toString(100_000 + serial), Long.toString(100_000 + serial));
            case 4:
            case 5:
                return valid(quote("id-ü-" + serial), "id-ü-" + serial);
            case 6:
                return valid(quote("  sp-" + serial + "\t"), "sp-" + serial);
            case 7:
                return valid("98765432109876543210987" + serial, "98765432109876543210987" + serial);
            case 8:
                return valid(quote("tok-" + TOKEN + "-" + serial), "tok-" + Redactor.MASK + "-" + serial);
            case 9:
                return pick(random, omitted(null), valid("null", null), valid("\"\"", null), valid("\"   \"", null));
            default:
                return pick(
                        random,
                        invalid("1.5"),
                        invalid("1e3"),
                        invalid("true"),
                        invalid("{}"),
                        invalid("[]"),
                        invalid("[1]"),
                        invalid("{\"x\":1}"));
        }
    }

    private static Generated<String> requiredId(Random random, long serial) {
        Generated<String> id = id(random, serial);
        return id.value() == null && !id.invalid ? new Generated<>(id.json, true, null) : id;
    }

    /** A text: any scalar as written; containers are wrong. */
    private static Generated<String> text(Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return pick(random, omitted(null), valid("null", null));
            case 1:
                return pick(
                        random,
                        valid("42", "42"),
                        valid("true", "true"),
                        valid("false", "false"),
                        valid("1.5", "1.5"),
                        valid("-7", "-7"));
            case 2:
                return pick(random, invalid("{}"), invalid("[]"), invalid("[\"a\"]"), invalid("{\"a\":1}"));
            default:
                String value = randomText(random);
                return valid(quote(value), masked(value));
        }
    }

    /** A boolean: JSON booleans, "True"/"False" of older platforms, 1/0; anything else is wrong, huge numbers included. */
    private static Generated<Boolean> bool(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return pick(
                        random,
                        valid("true", true),
                        valid("false", false),
                        valid("\"True\"", true),
                        valid("\"False\"", false),
                        valid("\" TRUE \"", true),
                        valid("\"false\"", false),
                        valid("\"1\"", true),
                        valid("\"0\"", false),
                        valid("1", true),
                        valid("0", false));
            case 1:
                return pick(random, valid("true", true), valid("false", false));
            case 2:
                return pick(random, omitted(null), valid("null", null));
            default:
                return pick(
                        random,
                        invalid("2"),
                        invalid("-1"),
                        invalid("\"yes\""),
                        invalid("\"\""),
                        invalid("1.0"),
                        invalid("{}"),
                        invalid("[]"),
                        invalid("[true]"),
                        invalid("18446744073709551617"),
                        invalid("18446744073709551616"),
                        invalid("4294967297"));
        }
    }

    private static Generated<Instant> date(Random random) {
        Instant instant =
                Instant.ofEpochSecond(1_500_000_000L + random.nextInt(300_000_000), random.nextInt(1_000_000) * 1000L);
        switch (random.nextInt(10)) {
            case 0:
                return valid(quote(DateTimeFormatter.ISO_INSTANT.format(instant)), instant);
            case 1:
                return valid(
                        quote(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
                                .format(instant.atOffset(ZoneOffset.ofHours(3)))),
                        instant);
            case 2: {
                Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
                return valid(
                        quote(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                .format(seconds.atOffset(ZoneOffset.UTC))),
                        seconds);
            }
            case 3: {
                Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
                String offset = random.nextBoolean() ? "+0300" : "+03";
                return valid(
                        quote(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                                        .format(seconds.atOffset(ZoneOffset.ofHours(3)))
                                + offset),
                        seconds);
            }
            case 4: {
                LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
                return valid(
                        quote(day.toString()), day.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            case 5:
            case 6:
                return pick(random, omitted(null), valid("null", null), valid("\"\"", null), valid("\"  \"", null));
            default:
                return pick(
                        random,
                        invalid("\"tomorrow\""),
                        invalid("\"2025-13-45T00:00:00Z\""),
                        invalid("\"2025-02-30\""),
                        invalid("\"2025-01-02T25:00:00Z\""),
                        invalid("12345"),
                        invalid("{}"),
                        invalid("[]"),
                        invalid("true"));
        }
    }

    private static Generated<List<String>> criteria(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return pick(random, omitted(List.of()), valid("null", List.of()));
            case 1: {
                String value = randomText(random);
                return pick(random, valid(quote(value), List.of(masked(value))), valid("5", List.of("5")));
            }
            case 2:
                return pick(random, invalid("{}"), invalid("{\"a\":\"b\"}"));
            default: {
                List<String> json = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    switch (random.nextInt(6)) {
                        case 0:
                            json.add("null");
                            break;
                        case 1:
                            json.add("7");
                            expected.add("7");
                            break;
                        case 2:
                            json.add("{\"a\":1}");
                            expected.add("{\"a\":1}");
                            break;
                        case 3:
                            json.add("[\"x\",true]");
                            expected.add("[\"x\",true]");
                            break;
                        default: {
                            String value = randomText(random);
                            json.add(quote(value));
                            expected.add(masked(value));
                        }
                    }
                }
                return valid("[" + String.join(",", json) + "]", expected);
            }
        }
    }

    private static Generated<String> vulnerability(Random random) {
        if (random.nextInt(3) == 0) {
            String value = randomText(random);
            return valid(quote(value), masked(value));
        }
        return pick(
                random,
                omitted(null),
                valid("null", null),
                valid("3", "3"),
                valid("{\"id\":\"CVE-2024-1\"}", "CVE-2024-1"),
                valid("{\"id\":\" CVE-2 \"}", "CVE-2"),
                valid("{\"id\":5,\"name\":\"GHSA-abc\"}", "GHSA-abc"),
                valid("{\"id\":5}", "5"),
                valid("{}", null),
                valid("{\"id\":\"\",\"name\":\"\"}", null),
                valid("{\"id\":\"  \",\"name\":\"N\"}", "N"),
                invalid("[]"),
                invalid("[\"CVE-1\"]"),
                invalid("{\"id\":[1]}"),
                invalid("{\"name\":{}}"));
    }

    /** A policy object as listed or embedded; the embedded one is read by the same rules. */
    private static Generated<Policy> policyObject(Random random, String serial) {
        Generated<String> id = requiredId(random, Math.floorMod(serial.hashCode(), 100_000));
        Generated<String> name = text(random);
        Generated<String> level = text(random);
        Generated<Boolean> active = bool(random);
        Generated<Boolean> blocks =
                random.nextInt(6) == 0 ? bool(random) : pick(random, valid("true", true), valid("false", false));
        if (random.nextInt(10) == 0) {
            blocks = pick(random, omitted(null), valid("null", null));
        }
        Fields fields = new Fields(random)
                .add("id", id)
                .add("name", name)
                .add("level", level)
                .add("is_active", active)
                .add("is_blocks_build", blocks);
        boolean bad = fields.invalid || blocks.value() == null;
        return bad
                ? new Generated<>(fields.json(), true, null)
                : valid(
                        fields.json(),
                        new Policy(
                                id.value(),
                                name.value(),
                                level.value(),
                                active.value() == null || active.value(),
                                blocks.value()));
    }

    private static Generated<ExpectedAlert> alert(Random random, long serial) {
        ExpectedAlert expected = new ExpectedAlert();
        Generated<String> id = requiredId(random, serial);
        expected.id = id.value();
        Fields fields = new Fields(random).add("id", id);

        switch (random.nextInt(12)) {
            case 0:
            case 1:
            case 2:
            case 3:
            case 4: {
                Generated<Policy> policy = policyObject(random, "p" + serial);
                fields.add("policy", policy);
                expected.policy = policy.value();
                expected.policyId =
                        policy.value() == null ? null : policy.value().id();
                break;
            }
            case 5:
            case 6:
            case 7:
            case 8:
            case 9: {
                Generated<String> policyId = requiredId(random, serial + 7);
                fields.add("policy", policyId);
                expected.policyId = policyId.value();
                break;
            }
            case 10:
                fields.add(
                        "policy",
                        pick(random, omitted(null), invalid("null"), invalid("\"\""), invalid("[]"), invalid("true")));
                fields.invalid = true;
                break;
            default:
                fields.add("policy", invalid("1.5"));
                break;
        }

        switch (random.nextInt(5)) {
            case 0: {
                Generated<String> projectId = requiredId(random, serial + 3);
                Generated<String> name = text(random);
                Fields project = new Fields(random).add("id", projectId).add("name", name);
                boolean bad = project.invalid;
                fields.add(
                        "project",
                        bad ? new Generated<String>(project.json(), true, null) : valid(project.json(), "object"));
                expected.project = bad ? null : new Project(projectId.value(), name.value());
                break;
            }
            case 1: {
                Generated<String> projectId = id(random, serial + 5);
                fields.add("project", projectId);
                expected.project = projectId.value() == null ? null : new Project(projectId.value(), null);
                break;
            }
            case 2:
                fields.add("project", pick(random, invalid("[]"), invalid("true"), invalid("1.5")));
                break;
            default:
                fields.add("project", pick(random, omitted(null), valid("null", null), valid("\"\"", null)));
                break;
        }

        Generated<String> stage = text(random);
        Generated<String> level = text(random);
        Generated<String> purl = text(random);
        Generated<String> vulnerability = vulnerability(random);
        Generated<List<String>> criteria = criteria(random);
        Generated<Boolean> ignored = bool(random);
        Generated<Instant> delayed = date(random);
        fields.add("stage", stage)
                .add("level", level)
                .add("dependency_purl", purl)
                .add("vulnerability", vulnerability)
                .add("matched_criteria", criteria)
                .add("is_ignored", ignored)
                .add("block_delayed_until", delayed);
        expected.stage = stage.value();
        expected.level = level.value();
        expected.purl = purl.value();
        expected.vulnerability = vulnerability.value();
        expected.criteria = criteria.value();
        expected.ignored = ignored.value() != null && ignored.value();
        expected.delayedUntil = delayed.value();
        return new Generated<>(fields.json(), fields.invalid, fields.invalid ? null : expected);
    }

    private static Generated<ExpectedAlert> notAnObject(Random random) {
        return pick(random, invalid("5"), invalid("null"), invalid("[]"), invalid("\"alert\""), invalid("true"));
    }

    private static Generated<AnalysisStatus> status(Random random) {
        Generated<String> id = id(random, random.nextInt(1000));
        Generated<String> word;
        switch (random.nextInt(8)) {
            case 0:
                word = pick(random, omitted(null), valid("null", null), invalid("{}"), invalid("[\"success\"]"));
                break;
            case 1:
                word = text(random);
                break;
            default:
                String value = List.of("success", "in_progress", "failed", "Выполняется", "cancelled", "crunching")
                        .get(random.nextInt(6));
                word = valid(quote(value), value);
        }
        Generated<Instant> startedAt = date(random);
        Generated<Instant> finishedAt = date(random);
        Generated<String> error = pick(
                random,
                omitted(null),
                valid("null", null),
                valid(quote("disk full"), "disk full"),
                valid("[\"disk full\",\"retry\"]", "[\"disk full\",\"retry\"]"),
                valid("{\"code\":\"E1\"}", "{\"code\":\"E1\"}"),
                valid("17", "17"),
                valid(quote("failed for Token " + TOKEN), "failed for Token " + Redactor.MASK));
        Generated<String> detail = pick(random, omitted(null), valid(quote("see the log"), "see the log"));
        Fields fields = new Fields(random)
                .add("id", id)
                .add("status", word)
                .add("started_at", startedAt)
                .add("finished_at", finishedAt)
                .add("error", error)
                .add("detail", detail);
        boolean bad = fields.invalid || word.value() == null;
        if (bad) {
            return new Generated<>(fields.json(), true, null);
        }
        String errorText = error.value() != null ? error.value() : detail.value();
        return valid(
                fields.json(),
                new AnalysisStatus(id.value(), word.value(), startedAt.value(), finishedAt.value(), errorText));
    }

    /** The fields of one object in random order, with unknown extra fields mixed in. */
    private static final class Fields {
        private final Random random;
        private final List<String> members = new ArrayList<>();
        boolean invalid;

        Fields(Random random) {
            this.random = random;
            for (int i = random.nextInt(4); i > 0; i--) {
                members.add(quote("x_extra_" + random.nextInt(1_000_000) + "_" + i) + ": " + junk(random, 0));
            }
        }

        Fields add(String name, Generated<?> field) {
            invalid |= field.invalid;
            if (field.json != null) {
                members.add(quote(name) + (random.nextBoolean() ? ":" : " : ") + field.json);
            }
            return this;
        }

        String json() {
            List<String> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            return "{" + String.join(", ", shuffled) + "}";
        }
    }

    /** What an alert must read as. */
    private static final class ExpectedAlert {
        String id;
        String policyId;
        Policy policy;
        Project project;
        String stage;
        String level;
        String purl;
        String vulnerability;
        List<String> criteria;
        boolean ignored;
        Instant delayedUntil;

        void check(Alert alert, String context) {
            assertEquals(context, id, alert.id());
            assertEquals(context, policyId, alert.policyId());
            assertEquals(context, policy, alert.policy());
            assertEquals(context, project, alert.project());
            assertEquals(context, stage, alert.stage());
            assertEquals(context, level, alert.level());
            assertEquals(context, purl, alert.dependencyPurl());
            assertEquals(context, vulnerability, alert.vulnerability());
            assertEquals(context, criteria, alert.matchedCriteria());
            assertEquals(context, ignored, alert.isIgnored());
            assertEquals(context, delayedUntil, alert.blockDelayedUntil());
        }
    }

    // ---- text-level mangling -------------------------------------------------------------------------

    private static final List<String> TOKENS = List.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "null",
            "1e999999",
            "-0",
            "18446744073709551616",
            "\"\\uD800\"",
            "\\u0000",
            "NaN",
            "true",
            "\"is_blocks_build\": true",
            "\"id\": 1",
            "\"" + TOKEN + "\"",
            "Token " + TOKEN,
            "<html>",
            "\uFEFF",
            "\"\\\"",
            "0x1F",
            "1.7976931348623157E309");

    private static String mangle(Random random, String json) {
        String text = json;
        for (int round = 1 + random.nextInt(3); round > 0; round--) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(9)) {
                case 0:
                    text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
                    break;
                case 1:
                    text = text.substring(0, at) + TOKENS.get(random.nextInt(TOKENS.size())) + text.substring(at);
                    break;
                case 2:
                    text = text.substring(0, at);
                    break;
                case 3: {
                    int depth = 1 + random.nextInt(random.nextBoolean() ? 10 : 400);
                    text = "[".repeat(depth) + text + "]".repeat(depth);
                    break;
                }
                case 4:
                    // Duplicate keys: the second is inserted right after an opening brace.
                    int brace = text.indexOf('{', at);
                    if (brace >= 0) {
                        text = text.substring(0, brace + 1) + "\"is_blocks_build\": false, \"is_blocks_build\": true,"
                                + text.substring(brace + 1);
                    }
                    break;
                case 5:
                    text = text.replace("true", random.nextBoolean() ? "\"True\"" : "18446744073709551617");
                    break;
                case 6:
                    text = text.replaceFirst("\"[a-z_]+\"", "\"" + TOKEN + "\"");
                    break;
                case 7:
                    text = text.substring(0, at)
                            + new String(Character.toChars(0x1F600 + random.nextInt(50)))
                            + text.substring(at);
                    break;
                default:
                    text = text + TOKENS.get(random.nextInt(TOKENS.size()));
                    break;
            }
        }
        return text;
    }

    /** A successful read returned every alert whole: no two alike, each from an object of the page. */
    private static void assertWhole(List<Alert> read, String page) {
        Set<String> ids = new HashSet<>();
        for (Alert alert : read) {
            assertNotNull(page, alert.id());
            assertNotNull(page, alert.policyId());
            assertTrue(page, ids.add(alert.id()));
            assertFalse(page, alert.id().contains(TOKEN));
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------

    private static int firstInvalid(List<Generated<ExpectedAlert>> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).invalid) {
                return i;
            }
        }
        return -1;
    }

    private static String page(Random random, List<Generated<ExpectedAlert>> items) {
        List<String> json = new ArrayList<>();
        items.forEach(item -> json.add(item.json));
        String results = "[" + String.join(",", json) + "]";
        if (random.nextInt(5) == 0) {
            return results;
        }
        String count = pick(
                        random,
                        valid(Integer.toString(items.size()), ""),
                        valid("\"many\"", ""),
                        valid("null", ""),
                        valid("99999999999999999999", ""))
                .json;
        return "{\"count\": " + count + ", \"next\": null, \"previous\": null, \"results\": " + results + "}";
    }

    /** Answers the first page with the document and any further page with an empty list. */
    private static Pager.Fetch fetchOnly(String document) {
        return call -> answer(call, "1".equals(call.queryParameter("page")) ? document : "[]");
    }

    private AnalysisStatus readStatus(Answer answer) throws CodescoringException {
        return responses.read(answer, models::status);
    }

    private static Answer answer(ApiCall call, String json) {
        HttpHeaders headers =
                HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        return new Answer(call, 200, headers, CappedBody.complete(json.getBytes(StandardCharsets.UTF_8)), 1);
    }

    private static final List<Function<Random, String>> TEXTS = List.of(
            random -> "pkg:maven/org.example/lib-" + random.nextInt(1000) + "@1." + random.nextInt(20) + ".0",
            random -> "Критические уязвимости " + random.nextInt(100),
            random -> "漏洞 " + random.nextInt(100) + " \uD83D\uDD25 שלום",
            random -> "<script>alert(" + random.nextInt(9) + ")</script> & \"quoted\" \\ back",
            random -> "line\nbreak\ttab\u0000nul\u001b[31m",
            random -> "",
            random -> "  padded  ",
            random -> "x".repeat(500 + random.nextInt(2000)),
            random -> "Token " + TOKEN + " was used",
            random -> "critical");

    private static String randomText(Random random) {
        return TEXTS.get(random.nextInt(TEXTS.size())).apply(random);
    }

    private static String masked(String text) {
        return text == null ? null : text.replace(TOKEN, Redactor.MASK);
    }

    private static String quote(String text) {
        try {
            return PLAIN.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Unknown JSON of any shape, for extra fields. */
    private static String junk(Random random, int depth) {
        switch (depth > 4 ? random.nextInt(4) : random.nextInt(7)) {
            case 0:
                return Long.toString(random.nextLong());
            case 1:
                return "123456789012345678901234567890.5e3";
            case 2:
                return quote(randomText(random));
            case 3:
                return random.nextBoolean() ? "null" : "false";
            case 4:
                return "[" + junk(random, depth + 1) + "," + junk(random, depth + 1) + "]";
            default:
                return "{\"k" + random.nextInt(9) + "\": " + junk(random, depth + 1) + "}";
        }
    }

    private static void assertNoToken(CodescoringException e) {
        assertFalse(e.getMessage(), e.getMessage().contains(TOKEN));
        assertFalse(e.toString(), e.toString().contains(TOKEN));
    }
}
