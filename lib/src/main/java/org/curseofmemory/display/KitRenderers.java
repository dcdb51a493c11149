package org.curseofmemory.display;

import java.util.List;
import java.util.function.Function;

import org.curseofmemory.plot.Chart;
import org.curseofmemory.plot.PlotlyJson;
import org.curseofmemory.plot.TableHtml;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * The kit's renderers: the one place that lists which classes a notebook shows richly, and how.
 *
 * <ul>
 *   <li>a figure (any tablesaw-jsplot {@link Figure}, or the kit's {@link Chart}) as Plotly JSON
 *       ({@value PlotlyJson#MIME_TYPE}, drawn offline by JupyterLab 4 and Notebook 7, trusted or
 *       not), as HTML calling {@code Plotly.newPlot} (for exported pages) and as a one-line text
 *       summary;</li>
 *   <li>a Tablesaw {@link Table} as HTML ({@link TableHtml#of(Table)}: first and last rows of long
 *       tables) and as Tablesaw's own text form of the same rows.</li>
 * </ul>
 */
final class KitRenderers {
    static final String PLOTLY = PlotlyJson.MIME_TYPE;
    static final String HTML = "text/html";

    private KitRenderers() {
    }

    /** Every renderer the kit registers, in registration order. */
    static List<MimeRenderer<?>> all() {
        return List.of(
                figure(Figure.class, figure -> figure),
                figure(Chart.class, Chart::figure),
                table());
    }

    /** Plotly JSON, HTML and a text summary of the figure that {@code toFigure} makes of a value. */
    static <T> MimeRenderer<T> figure(Class<T> type, Function<T, Figure> toFigure) {
        return new MimeRenderer<>(type, List.of(PLOTLY, HTML), (value, out) -> {
            Figure figure = toFigure.apply(value);
            out.renderIfRequested(PLOTLY, () -> PlotlyJson.toMap(figure));
            out.renderIfRequested(HTML, () -> PlotlyJson.toHtml(figure));
            out.putText(PlotlyJson.summary(figure));
        });
    }

    /**
     * Renders a two-row table and a one-line chart the way the renderers do, and throws the results
     * away: the first table and figure of a notebook then find Tablesaw, the plotting code and the
     * JSON writer loaded and compiled. {@link KernelDisplay#install()} runs this on a background
     * thread while the kernel compiles the next cells (about half a second saved before the first
     * figure of notebook 00). It prints nothing and any failure is ignored: the real rendering
     * reports its own errors.
     */
    static void warmUp() {
        try {
            Table table = Table.create("warm-up", DoubleColumn.create("t", 0.0, 1.0), DoubleColumn.create("y", 1.0, 0.5));
            TableHtml.of(table);
            table.print(TableHtml.DEFAULT_MAX_ROWS);
            Figure figure = Chart.of("warm-up", table, "t", "y").yLabel("y").logY().figure();
            PlotlyJson.toMap(figure);
            PlotlyJson.toHtml(figure);
            PlotlyJson.summary(figure);
        } catch (RuntimeException | LinkageError ignored) {
            // a warm-up only; the first real figure or table reports whatever is wrong
        }
    }

    /** HTML and text of a table, both showing at most {@link TableHtml#DEFAULT_MAX_ROWS} rows. */
    static MimeRenderer<Table> table() {
        return new MimeRenderer<>(Table.class, List.of(HTML), (table, out) -> {
            out.renderIfRequested(HTML, () -> TableHtml.of(table));
            out.putText(table.print(TableHtml.DEFAULT_MAX_ROWS));
        });
    }
}
