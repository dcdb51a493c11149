package org.curseofmemory.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.curseofmemory.util.Validate;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Turns a tablesaw-jsplot {@link Figure} into the three representations a notebook needs
 * (offline in JupyterLab, Notebook 7, VS Code and exported pages): a Plotly figure {@code {data, layout, config}} for the offline
 * {@code application/vnd.plotly.v1+json} renderer of JupyterLab / Notebook 7, an HTML snippet that
 * calls {@code Plotly.newPlot} for exported pages (the page must provide plotly.js), and a one-line
 * text summary.
 *
 * <p>Tablesaw writes numbers as strings and titles as plain strings; plotly.js 3 ignores plain string
 * titles, so titles become {@code {text: ...}} and numeric strings in arrays become numbers.
 * NaN and infinities become {@code null} (a gap in the line), since JSON has no NaN.
 */
public final class PlotlyJson {
    /** The MIME type of a Plotly figure in Jupyter. */
    public static final String MIME_TYPE = "application/vnd.plotly.v1+json";

    private static final AtomicLong DIV_COUNTER = new AtomicLong();

    private PlotlyJson() {
    }

    /** The figure as nested maps and lists: {@code {data: [...], layout: {...}, config: {...}}}. */
    public static Map<String, Object> toMap(Figure figure) {
        Validate.notNull("figure", figure);
        List<Object> data = new ArrayList<>();
        Trace[] traces = figure.getTraces();
        for (int i = 0; i < traces.length; i++) {
            data.add(normalize(JsLiteral.firstObject(traces[i].asJavascript(i)), null));
        }
        Map<String, Object> layout = figure.getLayout() == null
                ? new LinkedHashMap<>()
                : asMap(normalize(JsLiteral.firstObject(figure.getLayout().asJavascript()), null));
        for (String axis : new String[] {"xaxis", "yaxis"}) {
            // 10⁻⁴ rather than plotly's default SI labels (100µ) on logarithmic axes
            Map<String, Object> a = asMap(layout.get(axis));
            if ("log".equals(a.get("type"))) {
                a.putIfAbsent("exponentformat", "power");
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("responsive", Boolean.TRUE);
        config.put("displaylogo", Boolean.FALSE);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("layout", layout);
        out.put("config", config);
        return out;
    }

    /** The figure as a JSON string (the same content as {@link #toMap(Figure)}). */
    public static String toJson(Figure figure) {
        StringBuilder sb = new StringBuilder();
        writeJson(toMap(figure), sb);
        return sb.toString();
    }

    /**
     * An HTML fragment that draws the figure with a global {@code Plotly} (loaded once by the page,
     * e.g. by the kit's nbconvert template). If plotly.js is missing it shows the text summary.
     */
    public static String toHtml(Figure figure) {
        Map<String, Object> map = toMap(figure);
        StringBuilder json = new StringBuilder();
        writeJson(map, json);
        // The id depends only on the figure and on how many figures this kernel drew before, so
        // exporting the same notebook twice gives the same bytes; the script finds its own div
        // first, so a page holding outputs of two kernel sessions still draws each figure.
        String id = "com-plot-" + Integer.toHexString(json.toString().hashCode()) + "-" + DIV_COUNTER.incrementAndGet();
        Map<String, Object> layout = asMap(map.get("layout"));
        String height = layout.get("height") instanceof Double ? ((Double) layout.get("height")).intValue() + "px" : "420px";
        return "<div id=\"" + id + "\" class=\"com-plot\" style=\"width:100%;max-width:960px;height:" + height + "\"></div>\n"
                + "<script type=\"text/javascript\">(function(){var fig=" + json.toString().replace("</", "<\\/") + ";"
                + "var s=document.currentScript,el=(s&&s.previousElementSibling&&s.previousElementSibling.id==='" + id
                + "')?s.previousElementSibling:document.getElementById('" + id + "');"
                + "if(window.Plotly){Plotly.newPlot(el,fig.data,fig.layout,fig.config);}"
                + "else{el.textContent=" + quote(summary(figure)) + ";}})();</script>";
    }

    /** A one-line description: title, series names, axis titles and log axes. */
    public static String summary(Figure figure) {
        Map<String, Object> map = toMap(figure);
        Map<String, Object> layout = asMap(map.get("layout"));
        StringBuilder sb = new StringBuilder("Figure");
        String title = titleText(layout.get("title"));
        if (title != null) {
            sb.append(" \"").append(title).append('"');
        }
        List<?> data = (List<?>) map.get("data");
        sb.append(": ").append(data.size()).append(" series");
        List<String> names = new ArrayList<>();
        for (Object trace : data) {
            Object name = asMap(trace).get("name");
            if (name != null) {
                names.add(name.toString());
            }
        }
        if (!names.isEmpty()) {
            sb.append(" (").append(String.join(", ", names)).append(')');
        }
        appendAxis(sb, "x", asMap(layout.getOrDefault("xaxis", Map.of())));
        appendAxis(sb, "y", asMap(layout.getOrDefault("yaxis", Map.of())));
        return sb.toString();
    }

    private static void appendAxis(StringBuilder sb, String name, Map<String, Object> axis) {
        String title = titleText(axis.get("title"));
        boolean log = "log".equals(axis.get("type"));
        if (title != null || log) {
            sb.append("; ").append(name).append(": ").append(title == null ? "" : title).append(log ? " (log)" : "");
        }
    }

    private static String titleText(Object title) {
        Object text = title instanceof Map ? ((Map<?, ?>) title).get("text") : title;
        return text == null || text.toString().isEmpty() ? null : text.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : new LinkedHashMap<>();
    }

    /** Titles to {text: ...}; numeric strings inside arrays to numbers; non-finite numbers to null. */
    private static Object normalize(Object value, String key) {
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : asMap(value).entrySet()) {
                Object v = normalize(e.getValue(), e.getKey());
                if ("title".equals(e.getKey()) && v instanceof String) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("text", v);
                    v = t;
                }
                out.put(e.getKey(), v);
            }
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) value) {
                out.add(item instanceof String ? numberOrString((String) item) : normalize(item, key));
            }
            return out;
        }
        if (value instanceof Double && !Double.isFinite((Double) value)) {
            return null;
        }
        return value;
    }

    private static Object numberOrString(String s) {
        switch (s) {
            case "NaN":
            case "Infinity":
            case "-Infinity":
                return null;
            default:
                try {
                    return Double.valueOf(s);
                } catch (NumberFormatException e) {
                    return s;
                }
        }
    }

    private static void writeJson(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(quote(String.valueOf(e.getKey()))).append(':');
                writeJson(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object item : (List<?>) value) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeJson(item, sb);
            }
            sb.append(']');
        } else if (value instanceof Double) {
            double d = (Double) value;
            if (!Double.isFinite(d)) {
                sb.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append((long) d);
            } else {
                sb.append(d);
            }
        } else if (value instanceof Boolean || value instanceof Number) {
            sb.append(value);
        } else {
            sb.append(quote(value.toString()));
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
