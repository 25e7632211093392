package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The plugin's own texts, read from the .hpi under test: its messages (English and Russian) and its views,
 * scripts, styles and help pages. The browser tests compare what a page shows with these, so a reworded
 * message changes the expectation with it, and a CSP report can be traced to text of ours.
 */
public final class PluginTexts {

    private static final String PACKAGE = "io/jenkins/plugins/codescoring/";

    private final Map<String, byte[]> resources;

    private PluginTexts(Map<String, byte[]> resources) {
        this.resources = resources;
    }

    /** Texts given as resources (path in the plugin's jar to content), for the harness's own tests. */
    static PluginTexts of(Map<String, byte[]> resources) {
        return new PluginTexts(new HashMap<>(resources));
    }

    public static PluginTexts read(Path hpi) throws IOException {
        Map<String, byte[]> resources = new HashMap<>();
        try (ZipFile plugin = new ZipFile(hpi.toFile())) {
            ZipEntry jar = plugin.getEntry("WEB-INF/lib/codescoring.jar");
            if (jar == null) {
                throw new IOException(hpi + " has no WEB-INF/lib/codescoring.jar");
            }
            try (ZipInputStream classes = new ZipInputStream(plugin.getInputStream(jar))) {
                for (ZipEntry entry = classes.getNextEntry(); entry != null; entry = classes.getNextEntry()) {
                    if (!entry.isDirectory() && !entry.getName().endsWith(".class")) {
                        resources.put(entry.getName(), classes.readAllBytes());
                    }
                }
            }
        }
        return new PluginTexts(resources);
    }

    /**
     * A message of the plugin's {@code Messages.properties} bundles (one per package; or their Russian twins),
     * formatted as the plugin does.
     */
    public String message(Locale locale, String key, Object... arguments) throws IOException {
        String bundle = "/Messages" + ("ru".equals(locale.getLanguage()) ? "_ru" : "") + ".properties";
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            if (resource.getKey().startsWith(PACKAGE) && resource.getKey().endsWith(bundle)) {
                Properties messages = new Properties();
                try (InputStream in = new ByteArrayInputStream(resource.getValue())) {
                    messages.load(in);
                }
                String pattern = messages.getProperty(key);
                if (pattern != null) {
                    return new MessageFormat(pattern, locale).format(arguments);
                }
            }
        }
        throw new IllegalArgumentException("no message " + key + " in any " + bundle);
    }

    /** The text of every help page of the plugin in that language, tags removed and blanks collapsed. */
    public List<String> helpTexts(Locale locale) {
        boolean russian = "ru".equals(locale.getLanguage());
        List<String> texts = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (file.startsWith("help") && file.endsWith(".html") && file.endsWith("_ru.html") == russian) {
                texts.add(visible(new String(bytes, StandardCharsets.UTF_8)));
            }
        });
        return texts;
    }

    /** Whether {@code sample} (a CSP report's sample, say) occurs in one of the plugin's views, scripts or styles. */
    public boolean occursInViews(String sample) {
        String wanted = collapse(sample);
        if (wanted.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            String name = resource.getKey();
            if (name.endsWith(".jelly") || name.endsWith(".js") || name.endsWith(".css") || name.endsWith(".html")) {
                if (collapse(new String(resource.getValue(), StandardCharsets.UTF_8))
                        .contains(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A view's label from its properties file, e.g. {@code label("CodescoringResultAction/index", ru, "Verdict")};
     * the view is found in whichever package holds its class. English labels without a file are the key itself,
     * as Jelly shows them; a Russian view without its file is an error.
     */
    public String label(String view, Locale locale, String key) throws IOException {
        boolean russian = "ru".equals(locale.getLanguage());
        String file = "/" + view + (russian ? "_ru" : "") + ".properties";
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            if (resource.getKey().startsWith(PACKAGE) && resource.getKey().endsWith(file)) {
                Properties labels = new Properties();
                labels.load(new StringReader(new String(resource.getValue(), StandardCharsets.ISO_8859_1)));
                return labels.getProperty(key, key);
            }
        }
        if (russian) {
            throw new IllegalArgumentException("no Russian labels for the view " + view);
        }
        return key;
    }

    static String visible(String html) {
        return collapse(html.replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&"));
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
