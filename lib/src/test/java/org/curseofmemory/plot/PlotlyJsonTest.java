package org.curseofmemory.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class PlotlyJsonTest extends KitTest {

    private static Figure twoSeries() {
        return Chart.titled("Short vs \"long\" memory & more")
                .xLabel("t").yLabel("ρ(t)").logY()
                .line("e^-t", new double[] {0, 1, 2}, new double[] {1, Math.exp(-1), Math.exp(-2)})
                .points("it's a power law", new double[] {0, 1, 2}, new double[] {1, Double.NaN, 0.2})
                .figure();
    }

    @Test
    void figureBecomesPlotlyDataLayoutConfig() {
        Map<String, Object> fig = PlotlyJson.toMap(twoSeries());
        List<?> data = (List<?>) fig.get("data");
        assertEquals(2, data.size());
        Map<?, ?> first = (Map<?, ?>) data.get(0);
        assertEquals("e^-t", first.get("name"));
        assertEquals(List.of(0.0, 1.0, 2.0), first.get("x"));
        assertEquals(Math.exp(-1), (Double) ((List<?>) first.get("y")).get(1), 1e-15);
        Map<?, ?> second = (Map<?, ?>) data.get(1);
        assertEquals("it's a power law", second.get("name"), "HTML entities are decoded");
        assertNull(((List<?>) second.get("y")).get(1), "NaN becomes null (a gap)");

        Map<?, ?> layout = (Map<?, ?>) fig.get("layout");
        assertEquals(Map.of("text", "Short vs \"long\" memory & more"), layout.get("title"), "plotly.js 3 wants {text}");
        Map<?, ?> yaxis = (Map<?, ?>) layout.get("yaxis");
        assertEquals("log", yaxis.get("type"));
        assertEquals("power", yaxis.get("exponentformat"));
        assertEquals(Map.of("text", "ρ(t)"), yaxis.get("title"));
        assertTrue(fig.containsKey("config"));
    }

    @Test
    void jsonIsStrictAndHtmlDrawsWithPlotly() {
        String json = PlotlyJson.toJson(twoSeries());
        assertTrue(json.startsWith("{\"data\":[{"), json);
        assertFalse(json.contains("NaN"), "JSON has no NaN");
        assertTrue(json.contains("\"title\":{\"text\":\"Short vs \\\"long\\\" memory & more\"}"), json);
        String html = PlotlyJson.toHtml(twoSeries());
        assertTrue(html.contains("Plotly.newPlot"));
        assertFalse(html.contains("http"), "the snippet loads nothing from the network");
    }

    @Test
    void summaryNamesTitleSeriesAndAxes() {
        assertEquals("Figure \"Short vs \"long\" memory & more\": 2 series (e^-t, it's a power law); x: t; y: ρ(t) (log)",
                PlotlyJson.summary(twoSeries()));
    }

    @Test
    void dashedSeriesAreDashed() {
        Figure fig = Chart.titled("").line("solid", new double[] {0, 1}, new double[] {1, 2})
                .dashed("guide", new double[] {0, 1}, new double[] {2, 3}).figure();
        List<?> data = (List<?>) PlotlyJson.toMap(fig).get("data");
        assertNull(((Map<?, ?>) data.get(0)).get("line"));
        assertEquals("dash", ((Map<?, ?>) ((Map<?, ?>) data.get(1)).get("line")).get("dash"));
    }

    @Test
    void logAxisDropsNonPositivePoints() {
        Figure fig = Chart.titled("").logX().line("a", new double[] {0, 1, 2}, new double[] {3, 4, 5}).figure();
        List<?> x = (List<?>) ((Map<?, ?>) ((List<?>) PlotlyJson.toMap(fig).get("data")).get(0)).get("x");
        assertEquals(List.of(1.0, 2.0), x);
    }

    @Test
    void tablePlotUsesColumns() {
        Table table = Table.create("k", DoubleColumn.create("t", 0, 1), DoubleColumn.create("rho", 1, 0.5));
        assertEquals("Figure \"kernel\": 1 series (rho); x: t", Chart.of("kernel", table, "t", "rho").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Chart.of("k", table, "t", "nope"));
        assertTrue(e.getMessage().contains("column \"nope\" is not in the table"), e.getMessage());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Chart.titled("p").line("a", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("series \"a\" has 2 x values but 1 y values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Chart.titled("p").size(10, 400));
        assertTrue(e.getMessage().contains("plot width=10 must be in [200, 2000]"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> Chart.titled("empty").figure());
        assertTrue(s.getMessage().contains("has no series"), s.getMessage());
    }
}
