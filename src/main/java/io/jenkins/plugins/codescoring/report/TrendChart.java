package io.jenkins.plugins.codescoring.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The CodeScoring trend of a job as a self-contained SVG image: blocking alerts, the new ones among them, and active alerts by
 * level (critical, warning, info) over the last builds, oldest on the left. Rendered on the server, with
 * no script and no style sheet, so a page can show it as an {@code <img>} under any Content Security
 * Policy. Every text is escaped; the size is fixed ({@value #WIDTH} x {@value #HEIGHT}, with a viewBox).
 */
public final class TrendChart {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    /** Only the newest this many points are drawn. */
    public static final int MAX_POINTS = 30;
    /** Longest build label under the x axis, in code points (longer ones are cut with an ellipsis). */
    static final int MAX_LABEL = 8;

    static final int MAX_X_LABELS = 10;

    static final double LEFT = 56;
    static final double RIGHT = WIDTH - 20;
    static final double TOP = 44;
    static final double BOTTOM = HEIGHT - 48;

    private static final String ENGLISH_NEW_BLOCKING = "New blocking";
    private static final String TITLE_ID = "codescoring-trend-title";
    private static final String DESC_ID = "codescoring-trend-desc";
    private static final String TEXT_COLOUR = "#333333";
    private static final String MUTED_COLOUR = "#666666";
    private static final String GRID_COLOUR = "#e0e0e0";

    /** The texts of the chart; Jenkins passes translated ones. */
    public record Labels(
            String title,
            String blocking,
            String critical,
            String warning,
            String info,
            String builds,
            String alerts,
            String noData,
            String newBlocking) {
        public static final Labels ENGLISH = new Labels(
                "CodeScoring trend",
                "Blocking alerts",
                "Critical",
                "Warning",
                "Info",
                "Build",
                "Alerts",
                "No CodeScoring results yet",
                "New blocking");

        /** The texts with the English name of the new blocking alerts' line. */
        public Labels(
                String title,
                String blocking,
                String critical,
                String warning,
                String info,
                String builds,
                String alerts,
                String noData) {
            this(title, blocking, critical, warning, info, builds, alerts, noData, ENGLISH_NEW_BLOCKING);
        }

        public Labels {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(blocking, "blocking");
            Objects.requireNonNull(critical, "critical");
            Objects.requireNonNull(warning, "warning");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(builds, "builds");
            Objects.requireNonNull(alerts, "alerts");
            Objects.requireNonNull(noData, "noData");
            Objects.requireNonNull(newBlocking, "newBlocking");
        }
    }

    /** One line of the chart. Blocking alerts are drawn first, wide, so an equal critical line stays visible on top. */
    private record Series(String name, String colour, double width, String dash, ToIntFunction<TrendPoint> count) {}

    private final Labels labels;
    private final List<Series> series;

    public TrendChart(Labels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.series = List.of(
                new Series(labels.blocking(), "#c62828", 4, null, TrendPoint::blocking),
                new Series(labels.newBlocking(), "#7b1fa2", 2, "1 2", TrendPoint::newBlocking),
                new Series(labels.critical(), "#e8590c", 2, null, TrendPoint::critical),
                new Series(labels.warning(), "#9c7a00", 2, "6 3", TrendPoint::warning),
                new Series(labels.info(), "#1971c2", 2, "2 3", TrendPoint::info));
    }

    /** The chart with English texts. */
    public static TrendChart english() {
        return new TrendChart(Labels.ENGLISH);
    }

    /** The SVG document of these points, oldest first; only the newest {@value #MAX_POINTS} are drawn. */
    public String render(List<TrendPoint> allPoints) {
        List<TrendPoint> points = allPoints.size() > MAX_POINTS
                ? allPoints.subList(allPoints.size() - MAX_POINTS, allPoints.size())
                : allPoints;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(TITLE_ID)
                .append(' ')
                .append(DESC_ID)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        element(svg, "title", "id=\"" + TITLE_ID + "\"", labels.title());
        element(svg, "desc", "id=\"" + DESC_ID + "\"", description(points));
        svg.append("<rect width=\"100%\" height=\"100%\" rx=\"4\" fill=\"#ffffff\"/>\n");
        if (points.isEmpty()) {
            svg.append("<text x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"")
                    .append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"")
                    .append(MUTED_COLOUR)
                    .append("\" font-size=\"13\">")
                    .append(escape(labels.noData()))
                    .append("</text>\n");
        } else {
            Scale scale =
                    Scale.of(points.stream().mapToInt(TrendPoint::max).max().orElse(0));
            legend(svg);
            axes(svg, points, scale);
            for (Series line : series) {
                line(svg, points, scale, line);
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** For screen readers: the range of builds and the newest build's counts. */
    private String description(List<TrendPoint> points) {
        if (points.isEmpty()) {
            return labels.noData();
        }
        TrendPoint first = points.get(0);
        TrendPoint last = points.get(points.size() - 1);
        StringBuilder text = new StringBuilder();
        text.append(points.size() == 1 ? first.label() : first.label() + " … " + last.label())
                .append(". ")
                .append(last.label())
                .append(':');
        String separator = " ";
        for (Series line : series) {
            text.append(separator)
                    .append(line.name())
                    .append(' ')
                    .append(line.count().applyAsInt(last));
            separator = ", ";
        }
        return text.append('.').toString();
    }

    private void legend(StringBuilder svg) {
        double x = LEFT;
        double y = 20;
        for (Series line : series) {
            svg.append("<line x1=\"")
                    .append(num(x))
                    .append("\" y1=\"")
                    .append(num(y))
                    .append("\" x2=\"")
                    .append(num(x + 18))
                    .append("\" y2=\"")
                    .append(num(y))
                    .append('"');
            stroke(svg, line);
            svg.append("/>\n<text x=\"")
                    .append(num(x + 23))
                    .append("\" y=\"")
                    .append(num(y + 4))
                    .append("\" fill=\"")
                    .append(TEXT_COLOUR)
                    .append("\">")
                    .append(escape(line.name()))
                    .append("</text>\n");
            x += 23 + 6.5 * ConsoleText.width(line.name()) + 18;
        }
    }

    private void axes(StringBuilder svg, List<TrendPoint> points, Scale scale) {
        for (long tick = 0; tick <= scale.max(); tick += scale.step()) {
            double y = scale.y(tick);
            svg.append("<line x1=\"")
                    .append(num(LEFT))
                    .append("\" y1=\"")
                    .append(num(y))
                    .append("\" x2=\"")
                    .append(num(RIGHT))
                    .append("\" y2=\"")
                    .append(num(y))
                    .append("\" stroke=\"")
                    .append(GRID_COLOUR)
                    .append("\" stroke-width=\"1\"/>\n<text x=\"")
                    .append(num(LEFT - 6))
                    .append("\" y=\"")
                    .append(num(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"")
                    .append(MUTED_COLOUR)
                    .append("\">")
                    .append(compact(tick))
                    .append("</text>\n");
        }
        svg.append("<line x1=\"")
                .append(num(LEFT))
                .append("\" y1=\"")
                .append(num(TOP))
                .append("\" x2=\"")
                .append(num(LEFT))
                .append("\" y2=\"")
                .append(num(BOTTOM))
                .append("\" stroke=\"")
                .append(MUTED_COLOUR)
                .append("\" stroke-width=\"1\"/>\n");
        int every = (points.size() + MAX_X_LABELS - 1) / MAX_X_LABELS;
        for (int i = 0; i < points.size(); i++) {
            if ((points.size() - 1 - i) % every == 0) { // always the newest build, then every n-th before it
                svg.append("<text x=\"")
                        .append(num(x(i, points.size())))
                        .append("\" y=\"")
                        .append(num(BOTTOM + 16))
                        .append("\" text-anchor=\"middle\" fill=\"")
                        .append(MUTED_COLOUR)
                        .append("\">")
                        .append(escape(ConsoleText.truncate(points.get(i).label(), MAX_LABEL)))
                        .append("</text>\n");
            }
        }
        double middleY = (TOP + BOTTOM) / 2;
        svg.append("<text x=\"")
                .append(num((LEFT + RIGHT) / 2))
                .append("\" y=\"")
                .append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\" fill=\"")
                .append(TEXT_COLOUR)
                .append("\">")
                .append(escape(labels.builds()))
                .append("</text>\n")
                .append("<text x=\"14\" y=\"")
                .append(num(middleY))
                .append("\" transform=\"rotate(-90 14 ")
                .append(num(middleY))
                .append(")\" text-anchor=\"middle\" fill=\"")
                .append(TEXT_COLOUR)
                .append("\">")
                .append(escape(labels.alerts()))
                .append("</text>\n");
    }

    private static void line(StringBuilder svg, List<TrendPoint> points, Scale scale, Series line) {
        svg.append("<g>\n");
        if (points.size() > 1) {
            svg.append("<polyline fill=\"none\" points=\"");
            for (int i = 0; i < points.size(); i++) {
                svg.append(i == 0 ? "" : " ")
                        .append(num(x(i, points.size())))
                        .append(',')
                        .append(num(scale.y(line.count().applyAsInt(points.get(i)))));
            }
            svg.append('"');
            stroke(svg, line);
            svg.append("/>\n");
        }
        for (int i = 0; i < points.size(); i++) {
            svg.append("<circle cx=\"")
                    .append(num(x(i, points.size())))
                    .append("\" cy=\"")
                    .append(num(scale.y(line.count().applyAsInt(points.get(i)))))
                    .append("\" r=\"")
                    .append(num(line.width() * 0.75 + 1))
                    .append("\" fill=\"")
                    .append(line.colour())
                    .append("\"/>\n");
        }
        svg.append("</g>\n");
    }

    private static void stroke(StringBuilder svg, Series line) {
        svg.append(" stroke=\"")
                .append(line.colour())
                .append("\" stroke-width=\"")
                .append(num(line.width()))
                .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (line.dash() != null) {
            svg.append(" stroke-dasharray=\"").append(line.dash()).append('"');
        }
    }

    /** Where point {@code index} of {@code count} sits: spread over the plot, a single point in its middle. */
    static double x(int index, int count) {
        return count == 1 ? (LEFT + RIGHT) / 2 : LEFT + 10 + index * (RIGHT - LEFT - 20) / (count - 1);
    }

    private static void element(StringBuilder svg, String name, String attributes, String text) {
        svg.append('<')
                .append(name)
                .append(' ')
                .append(attributes)
                .append('>')
                .append(escape(text))
                .append("</")
                .append(name)
                .append(">\n");
    }

    /** A coordinate with at most one decimal, always with a dot. */
    static String num(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** A tick value short enough for the axis: 9999, 15k, 2.5M, 3G. */
    static String compact(long value) {
        if (value < 10_000) {
            return Long.toString(value);
        }
        String[] units = {"k", "M", "G", "T"};
        double scaled = value;
        int unit = -1;
        while (scaled >= 1000 && unit < units.length - 1) {
            scaled /= 1000;
            unit++;
        }
        String text = String.format(Locale.ROOT, scaled >= 100 ? "%.0f" : "%.1f", scaled);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + units[unit];
    }

    /**
     * Text for an XML element or attribute: markup characters escaped, characters that XML 1.0 does not
     * allow (most control characters, lone surrogates) replaced by U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                            || Character.isSurrogate(c)
                            || c == '\uFFFE'
                            || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    /** The y axis: whole-number ticks of 1, 2 or 5 times a power of ten, at most five of them. */
    record Scale(long max, long step) {
        static Scale of(long highest) {
            double wanted = Math.max(1, highest / 4.0);
            long magnitude = 1;
            while (magnitude * 10 <= wanted) {
                magnitude *= 10;
            }
            long step = magnitude * 10;
            for (long multiple : new long[] {1, 2, 5}) {
                if (multiple * magnitude >= wanted) {
                    step = multiple * magnitude;
                    break;
                }
            }
            long max = highest <= 0 ? step : (highest + step - 1) / step * step;
            return new Scale(max, step);
        }

        double y(long value) {
            return BOTTOM - (BOTTOM - TOP) * value / max;
        }
    }
}
