package org.curseofmemory.display;

import org.curseofmemory.testing.KitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.curseofmemory.plot.Chart;
import org.curseofmemory.plot.PlotlyJson;
import org.curseofmemory.plot.TableHtml;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * What the kit's renderers produce in a kernel's renderer, checked the same way for both kernel
 * APIs: each subclass constructs a real renderer of one API (no kernel running), installs the
 * kit's registrations into it with {@link KernelDisplay#register(Object)} and renders.
 *
 * <p>The MIME bundle is read as the kernel sends it to Jupyter: the {@code data} member of the
 * kernel's {@code DisplayData} serialised with Gson (the JSON library both kernels use for their
 * messages).
 */
abstract class RendererContract extends KitTest {
    private static final String PLOTLY = "application/vnd.plotly.v1+json";
    private static final Gson GSON = new Gson();

    /** A new renderer of the API under test. */
    abstract Object newRenderer();

    /** {@code renderer.render(value)}: what a value ending a cell, or {@code display(value)}, shows. */
    abstract Object render(Object renderer, Object value);

    /** {@code renderer.renderAs(value, mimeTypes)}: what {@code display(value, mimeTypes...)} shows. */
    abstract Object renderAs(Object renderer, Object value, String... mimeTypes);

    private Object kitRenderer() {
        Object renderer = newRenderer();
        assertTrue(KernelDisplay.register(renderer), "a fresh renderer gets the kit's registrations");
        return renderer;
    }

    /** The MIME bundle (mime type to data) of a kernel {@code DisplayData}, as sent on the wire. */
    static JsonObject bundle(Object displayData) {
        return GSON.toJsonTree(displayData).getAsJsonObject().getAsJsonObject("data");
    }

    private static JsonElement json(Object value) {
        return GSON.toJsonTree(value);
    }

    private static String withoutDivIds(String html) {
        return html.replaceAll("com-plot-[0-9a-f]+-[0-9]+", "com-plot-ID");
    }

    static Figure tablesawFigure() {
        ScatterTrace trace = ScatterTrace.builder(new double[] {0, 1, 2, 3}, new double[] {1, 0.5, 0.25, 0.125})
                .name("halving").mode(ScatterTrace.Mode.LINE).build();
        return new Figure(Layout.builder().title("A plain Tablesaw figure").build(), trace);
    }

    static Chart chart() {
        return Chart.titled("Short and long memory").xLabel("t").yLabel("ρ(t)").logY()
                .line("exponential", new double[] {0, 1, 2}, new double[] {1, Math.exp(-1), Math.exp(-2)})
                .dashed("power law", new double[] {0, 1, 2}, new double[] {1, Math.pow(2, -1.5), Math.pow(3, -1.5)});
    }

    static Table table(int rows) {
        double[] t = new double[rows];
        double[] rho = new double[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = 0.5 * i;
            rho[i] = Math.exp(-t[i]);
        }
        return Table.create("memories", DoubleColumn.create("t", t), DoubleColumn.create("rho", rho));
    }

    private static void assertFigureBundle(JsonObject bundle, Figure figure) {
        assertEquals(Set.of(PLOTLY, "text/html", "text/plain"), bundle.keySet(), "keys of the bundle");
        assertEquals(json(PlotlyJson.toMap(figure)), bundle.get(PLOTLY), "Plotly JSON {data, layout, config}");
        String html = bundle.get("text/html").getAsString();
        assertTrue(html.contains("Plotly.newPlot"), html);
        assertEquals(withoutDivIds(PlotlyJson.toHtml(figure)), withoutDivIds(html), "HTML calling Plotly.newPlot");
        assertEquals(PlotlyJson.summary(figure), bundle.get("text/plain").getAsString(), "one-line summary");
    }

    @Test
    void aTablesawFigureShowsAsPlotlyJsonHtmlAndText() {
        Object renderer = kitRenderer();
        Figure figure = tablesawFigure();
        JsonObject bundle = bundle(render(renderer, figure));
        assertFigureBundle(bundle, figure);
        assertEquals("Figure \"A plain Tablesaw figure\": 1 series (halving)", bundle.get("text/plain").getAsString());
        assertEquals("halving", bundle.getAsJsonObject(PLOTLY).getAsJsonArray("data").get(0).getAsJsonObject()
                .get("name").getAsString());
    }

    @Test
    void aChartShowsAsItsFigure() {
        Object renderer = kitRenderer();
        Chart plot = chart();
        JsonObject bundle = bundle(render(renderer, plot));
        assertFigureBundle(bundle, plot.figure());
        assertEquals("Figure \"Short and long memory\": 2 series (exponential, power law); x: t; y: ρ(t) (log)",
                bundle.get("text/plain").getAsString());
        JsonObject layout = bundle.getAsJsonObject(PLOTLY).getAsJsonObject("layout");
        assertEquals("Short and long memory", layout.getAsJsonObject("title").get("text").getAsString(),
                "plotly.js 3 titles are {text}");
        assertEquals("log", layout.getAsJsonObject("yaxis").get("type").getAsString());
    }

    @Test
    void aTableShowsAsHtmlAndText() {
        Object renderer = kitRenderer();
        Table table = table(30);
        JsonObject bundle = bundle(render(renderer, table));
        assertEquals(Set.of("text/html", "text/plain"), bundle.keySet(), "keys of the bundle");
        assertEquals(TableHtml.of(table), bundle.get("text/html").getAsString());
        assertTrue(bundle.get("text/html").getAsString().startsWith("<table class=\"com-table\"><caption>memories (30 rows)"));
        assertEquals(table.print(TableHtml.DEFAULT_MAX_ROWS), bundle.get("text/plain").getAsString());
    }

    @Test
    void displayWithNamedTypesRendersOnlyThose() {
        Object renderer = kitRenderer();
        Figure figure = tablesawFigure();
        JsonObject htmlOnly = bundle(renderAs(renderer, figure, "text/html"));
        assertEquals(Set.of("text/html", "text/plain"), htmlOnly.keySet());
        JsonObject plotlyOnly = bundle(renderAs(renderer, chart(), PLOTLY));
        assertEquals(Set.of(PLOTLY, "text/plain"), plotlyOnly.keySet());
    }

    @Test
    void otherValuesAreLeftToTheKernel() {
        Object renderer = kitRenderer();
        assertEquals(Set.of("text/plain"), bundle(render(renderer, List.of(1, 2))).keySet());
        assertEquals("[1, 2]", bundle(render(renderer, List.of(1, 2))).get("text/plain").getAsString());
    }

    @Test
    void registeringTwiceAddsNothing() {
        Object renderer = kitRenderer();
        assertFalse(KernelDisplay.register(renderer), "the second registration is refused");
        Figure figure = tablesawFigure();
        assertFigureBundle(bundle(render(renderer, figure)), figure);
    }

    /** A value whose renderer fails inside the kernel's code (the supplier) or in the kit's own code. */
    static final class Broken {
    }

    @Test
    void aFailureWhileRenderingShowsItsRealCause() {
        Object renderer = newRenderer();
        IllegalStateException boom = new IllegalStateException("boom");
        KernelBinding.of(renderer).registerAll(List.of(new MimeRenderer<>(Broken.class, List.of("text/html"),
                (value, out) -> out.renderIfRequested("text/html", () -> {
                    throw boom;
                }))));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> render(renderer, new Broken())),
                "thrown inside the kernel's renderIfRequested, reported as itself");

        Object other = newRenderer();
        KernelBinding.of(other).registerAll(List.of(new MimeRenderer<>(Broken.class, List.of("text/html"),
                (value, out) -> {
                    throw new ArithmeticException("bad plot");
                })));
        assertEquals("bad plot", assertThrows(ArithmeticException.class, () -> render(other, new Broken())).getMessage());

        Chart empty = Chart.titled("nothing yet");
        Object kit = kitRenderer();
        IllegalStateException noSeries = assertThrows(IllegalStateException.class, () -> render(kit, empty));
        assertTrue(noSeries.getMessage().contains("has no series"), noSeries.getMessage());
    }
}
