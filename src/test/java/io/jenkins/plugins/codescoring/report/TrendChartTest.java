package io.jenkins.plugins.codescoring.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class TrendChartTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Test
    public void theChartIsAnAccessibleSvgOfFixedSizeWithLegendAndAxes() throws Exception {
        String svg = TrendChart.english()
                .render(List.of(
                        new TrendPoint("#1", 2, 3, 1, 0, 2),
                        new TrendPoint("#2", 1, 2, 1, 4, 0),
                        new TrendPoint("#3", 0, 1, 0, 2)));
        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("640", root.getAttribute("width"));
        assertEquals("260", root.getAttribute("height"));
        assertEquals("0 0 640 260", root.getAttribute("viewBox"));
        assertEquals("img", root.getAttribute("role"));
        assertEquals("codescoring-trend-title codescoring-trend-desc", root.getAttribute("aria-labelledby"));
        assertEquals("CodeScoring trend", single(document, "title").getTextContent());
        assertEquals(
                "#1 … #3. #3: Blocking alerts 0, New blocking 0, Critical 1, Warning 0, Info 2.",
                single(document, "desc").getTextContent());
        assertThat(texts(document), hasItem("Blocking alerts"));
        assertThat(texts(document), hasItem("New blocking"));
        assertThat(texts(document), hasItem("Critical"));
        assertThat(texts(document), hasItem("Warning"));
        assertThat(texts(document), hasItem("Info"));
        assertThat(texts(document), hasItem("Build"));
        assertThat(texts(document), hasItem("Alerts"));
        assertThat(texts(document), hasItem("#1"));
        assertThat(texts(document), hasItem("#3"));
        assertEquals(
                "five lines of three points", 5, elements(document, "polyline").size());
        for (Element line : elements(document, "polyline")) {
            assertEquals(3, line.getAttribute("points").split(" ").length);
        }
        assertEquals(15, elements(document, "circle").size());
        assertEquals(
                "no script, no style sheet, no link",
                0,
                elements(document, "script").size()
                        + elements(document, "style").size()
                        + elements(document, "a").size());
        assertThat(svg, not(containsString("style=")));
        assertThat(svg, not(containsString("href")));
        assertThat(svg, not(containsString(" on")));
    }

    @Test
    public void theHighestCountTouchesTheTopAndZeroLiesOnTheAxis() throws Exception {
        Document document = parse(TrendChart.english()
                .render(List.of(
                        new TrendPoint("#1", 0, 0, 0, 0),
                        new TrendPoint("#2", 4, 0, 0, 0),
                        new TrendPoint("#3", 8, 0, 0, 0))));
        Element blocking = elements(document, "polyline").get(0);
        assertEquals("#c62828", blocking.getAttribute("stroke"));
        String[] points = blocking.getAttribute("points").split(" ");
        assertEquals(TrendChart.BOTTOM, y(points[0]), 0.05);
        assertEquals((TrendChart.TOP + TrendChart.BOTTOM) / 2, y(points[1]), 0.05);
        assertEquals(TrendChart.TOP, y(points[2]), 0.05);
        assertEquals(TrendChart.x(0, 3), x(points[0]), 0.05);
        assertEquals(TrendChart.x(2, 3), x(points[2]), 0.05);
        assertTrue("left to right", x(points[0]) < x(points[1]) && x(points[1]) < x(points[2]));
        List<String> texts = texts(document);
        for (String tick : List.of("0", "2", "4", "6", "8")) {
            assertThat(texts, hasItem(tick));
        }
        assertThat(texts, not(hasItem("10")));
    }

    @Test
    public void scaleTicksAreWholeNiceNumbers() {
        assertEquals(new TrendChart.Scale(1, 1), TrendChart.Scale.of(0));
        assertEquals(new TrendChart.Scale(1, 1), TrendChart.Scale.of(1));
        assertEquals(new TrendChart.Scale(3, 1), TrendChart.Scale.of(3));
        assertEquals(new TrendChart.Scale(4, 1), TrendChart.Scale.of(4));
        assertEquals(new TrendChart.Scale(8, 2), TrendChart.Scale.of(7));
        assertEquals(new TrendChart.Scale(15, 5), TrendChart.Scale.of(11));
        assertEquals(new TrendChart.Scale(100, 50), TrendChart.Scale.of(100));
        assertEquals(new TrendChart.Scale(1500, 500), TrendChart.Scale.of(1001));
        assertEquals(new TrendChart.Scale(3_000_000_000L, 1_000_000_000L), TrendChart.Scale.of(Integer.MAX_VALUE));
    }

    @Test
    public void allZerosDrawFlatLinesOnTheAxis() throws Exception {
        Document document = parse(TrendChart.english()
                .render(List.of(new TrendPoint("#7", 0, 0, 0, 0), new TrendPoint("#8", 0, 0, 0, 0))));
        for (Element circle : elements(document, "circle")) {
            assertEquals(TrendChart.BOTTOM, Double.parseDouble(circle.getAttribute("cy")), 0.05);
        }
        assertThat(texts(document), hasItem("0"));
        assertThat(texts(document), hasItem("1"));
    }

    @Test
    public void largeNumbersGetShortTicksAndFiniteCoordinates() throws Exception {
        String svg = TrendChart.english()
                .render(List.of(
                        new TrendPoint("#1", Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 123_456),
                        new TrendPoint("#2", 0, 1, 2, 3)));
        Document document = parse(svg);
        List<String> texts = texts(document);
        for (String tick : List.of("0", "1G", "2G", "3G")) {
            assertThat(texts, hasItem(tick));
        }
        assertThat(svg, not(containsString("NaN")));
        assertThat(svg, not(containsString("Infinity")));
        assertThat(svg, not(containsString("E+")));
        for (Element circle : elements(document, "circle")) {
            double cy = Double.parseDouble(circle.getAttribute("cy"));
            assertTrue(cy >= TrendChart.TOP && cy <= TrendChart.BOTTOM);
        }
        assertThat(
                single(document, "desc").getTextContent(),
                containsString("Blocking alerts 0, New blocking 0, Critical 1"));
    }

    @Test
    public void compactAndNumberFormatsDoNotDependOnTheLocale() {
        assertEquals("9999", TrendChart.compact(9999));
        assertEquals("15k", TrendChart.compact(15_000));
        assertEquals("2.5M", TrendChart.compact(2_500_000));
        assertEquals("3G", TrendChart.compact(3_000_000_000L));
        assertEquals("150k", TrendChart.compact(150_000));
        assertEquals("12.5", TrendChart.num(12.46));
        assertEquals("3", TrendChart.num(3.0));
    }

    @Test
    public void onePointIsDrawnAsMarkersInTheMiddle() throws Exception {
        Document document = parse(TrendChart.english().render(List.of(new TrendPoint("#42", 1, 1, 0, 0))));
        assertEquals("no line with one point", 0, elements(document, "polyline").size());
        List<Element> circles = elements(document, "circle");
        assertEquals(5, circles.size());
        for (Element circle : circles) {
            assertEquals((TrendChart.LEFT + TrendChart.RIGHT) / 2, Double.parseDouble(circle.getAttribute("cx")), 0.05);
        }
        assertEquals(
                "#42. #42: Blocking alerts 1, New blocking 0, Critical 1, Warning 0, Info 0.",
                single(document, "desc").getTextContent());
    }

    @Test
    public void noPointsGiveAValidChartThatSaysSo() throws Exception {
        Document document = parse(TrendChart.english().render(List.of()));
        assertEquals("640", document.getDocumentElement().getAttribute("width"));
        assertThat(texts(document), hasItem("No CodeScoring results yet"));
        assertEquals(
                0,
                elements(document, "polyline").size()
                        + elements(document, "circle").size());
        assertEquals("No CodeScoring results yet", single(document, "desc").getTextContent());
    }

    @Test
    public void everyTextIsEscaped() throws Exception {
        String hostile = "<script>alert('x')</script>&\"\u0001\uD800";
        TrendChart chart = new TrendChart(new TrendChart.Labels(hostile, hostile, "c", "w", "i", "b</text>", "a", "n"));
        String svg = chart.render(List.of(new TrendPoint("<b>#1</b>", 1, 0, 0, 0), new TrendPoint("\"&'", 0, 0, 0, 0)));
        assertThat(svg, not(containsString("<script")));
        assertThat(svg, not(containsString("<b>")));
        assertThat(svg, not(containsString("b</text>")));
        Document document = parse(svg);
        String expected = "<script>alert('x')</script>&\"\uFFFD\uFFFD";
        assertEquals(expected, single(document, "title").getTextContent());
        assertThat(texts(document), hasItem(expected));
        assertThat(texts(document), hasItem("<b>#1</…"));
        assertThat(texts(document), hasItem("\"&'"));
        assertThat(texts(document), hasItem("b</text>"));
        assertEquals(
                0, elements(document, "script").size() + elements(document, "b").size());
    }

    /** What XML 1.0 allows is kept (tabs, line breaks, a character outside the BMP), the rest is U+FFFD. */
    @Test
    public void escapeKeepsWhatXmlAllowsAndReplacesTheRest() {
        assertEquals("a\tb\nc\rd", TrendChart.escape("a\tb\nc\rd"));
        assertEquals("build \uD83D\uDE80 #7", TrendChart.escape("build \uD83D\uDE80 #7"));
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", TrendChart.escape("\u0000\u001F\uFFFE\uFFFF"));
        assertEquals("\uFFFDx\uFFFD", TrendChart.escape("\uDE80x\uD83D"));
        assertEquals("\uFFFD\uFFFD", TrendChart.escape("\uD83D\uD83D"));
        assertEquals(" ", TrendChart.escape(" "));
    }

    @Test
    public void translatedTextsAreUsed() throws Exception {
        TrendChart chart = new TrendChart(new TrendChart.Labels(
                "Тренд CodeScoring",
                "Блокирующие",
                "Критические",
                "Предупреждения",
                "Информация",
                "Сборка",
                "Алерты",
                "Нет данных",
                "Новые блокирующие"));
        Document document = parse(chart.render(List.of(new TrendPoint("#1", 1, 2, 3, 4, 1))));
        assertEquals("Тренд CodeScoring", single(document, "title").getTextContent());
        assertThat(texts(document), hasItem("Блокирующие"));
        assertThat(texts(document), hasItem("Сборка"));
        assertEquals(
                "#1. #1: Блокирующие 1, Новые блокирующие 1, Критические 2, Предупреждения 3, Информация 4.",
                single(document, "desc").getTextContent());
    }

    @Test
    public void onlyTheNewestThirtyPointsAreDrawnWithAtMostTenBuildLabels() throws Exception {
        List<TrendPoint> points = new ArrayList<>();
        for (int build = 1; build <= 35; build++) {
            points.add(new TrendPoint("#" + build, build % 3, build % 5, build % 7, 0));
        }
        Document document = parse(TrendChart.english().render(points));
        for (Element line : elements(document, "polyline")) {
            assertEquals(30, line.getAttribute("points").split(" ").length);
        }
        assertThat(single(document, "desc").getTextContent(), startsWith("#6 … #35. #35:"));
        List<String> buildLabels = new ArrayList<>();
        for (String text : texts(document)) {
            if (text.startsWith("#")) {
                buildLabels.add(text);
            }
        }
        assertThat(buildLabels.size(), lessThanOrEqualTo(TrendChart.MAX_X_LABELS));
        assertThat(buildLabels, hasItem("#35"));
        assertThat(buildLabels, not(hasItem("#5")));
    }

    @Test
    public void pointsRefuseNegativeCountsAndTakeNoLabelAsEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new TrendPoint("#1", -1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrendPoint("#1", 0, 0, 0, -5));
        assertEquals("", new TrendPoint(null, 0, 0, 0, 0).label());
        assertEquals(7, new TrendPoint("#1", 1, 7, 3, 2).max());
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("*", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element single(Document document, String name) {
        List<Element> elements = elements(document, name);
        assertEquals("one <" + name + ">", 1, elements.size());
        return elements.get(0);
    }

    private static List<String> texts(Document document) {
        List<String> texts = new ArrayList<>();
        for (Element text : elements(document, "text")) {
            texts.add(text.getTextContent());
        }
        return texts;
    }

    private static double x(String point) {
        return Double.parseDouble(point.split(",")[0]);
    }

    private static double y(String point) {
        return Double.parseDouble(point.split(",")[1]);
    }
}
