package org.curseofmemory.plot;

import org.curseofmemory.util.KitArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.curseofmemory.util.Validate;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A small fluent builder for the line and point plots the notebooks draw, producing a
 * tablesaw-jsplot {@link Figure} (rendered inline by the kit's notebook set-up).
 * <pre>{@code
 * Figure fig = Chart.titled("Short vs long memory")
 *         .xLabel("t").yLabel("ρ(t)").logY()
 *         .line("e^{-t}", t, shortMemory)
 *         .line("(1+t)^{-1.5}", t, longMemory)
 *         .figure();
 * }</pre>
 * Non-positive values on a log axis are left out of that series (plotly would drop them anyway).
 */
public final class Chart {
    private final String title;
    private String xLabel;
    private String yLabel;
    private boolean logX;
    private boolean logY;
    private int width = 720;
    private int height = 420;
    private final List<Series> series = new ArrayList<>();

    private static final class Series {
        final String name;
        final double[] x;
        final double[] y;
        final ScatterTrace.Mode mode;
        final boolean dashed;

        Series(String name, double[] x, double[] y, ScatterTrace.Mode mode, boolean dashed) {
            this.name = name;
            this.x = x;
            this.y = y;
            this.mode = mode;
            this.dashed = dashed;
        }
    }

    private Chart(String title) {
        this.title = title;
    }

    /** A new plot with the given title (may be empty). */
    public static Chart titled(String title) {
        return new Chart(Validate.notNull("title", title));
    }

    /**
     * Every numeric column {@code yColumns} of {@code table} against column {@code xColumn}, as lines.
     */
    public static Chart of(String title, Table table, String xColumn, String... yColumns) {
        Validate.notNull("table", table);
        Validate.notNull("yColumns", yColumns);
        Chart plot = titled(title).xLabel(xColumn);
        double[] x = numeric(table, xColumn);
        for (String y : yColumns) {
            plot.line(y, x, numeric(table, y));
        }
        return plot;
    }

    private static double[] numeric(Table table, String column) {
        if (!table.columnNames().contains(column)) {
            throw new KitArgumentException("column \"" + column + "\" is not in the table; its columns are " + table.columnNames());
        }
        if (!(table.column(column) instanceof NumericColumn)) {
            throw new KitArgumentException("column \"" + column + "\" must be numeric but is " + table.column(column).type());
        }
        return ((NumericColumn<?>) table.column(column)).asDoubleArray();
    }

    public Chart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public Chart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Logarithmic x axis. */
    public Chart logX() {
        this.logX = true;
        return this;
    }

    /** Logarithmic y axis. */
    public Chart logY() {
        this.logY = true;
        return this;
    }

    /** Size in pixels (width 200..2000, height 150..2000). */
    public Chart size(int width, int height) {
        this.width = Validate.inRange("plot width", width, 200, 2000);
        this.height = Validate.inRange("plot height", height, 150, 2000);
        return this;
    }

    /** A solid line through the points (x_i, y_i). */
    public Chart line(String name, double[] x, double[] y) {
        return add(name, x, y, ScatterTrace.Mode.LINE, false);
    }

    /** A dashed line, e.g. for a theoretical rate or a fit. */
    public Chart dashed(String name, double[] x, double[] y) {
        return add(name, x, y, ScatterTrace.Mode.LINE, true);
    }

    /** Markers only, e.g. for measured values. */
    public Chart points(String name, double[] x, double[] y) {
        return add(name, x, y, ScatterTrace.Mode.MARKERS, false);
    }

    /** Markers joined by lines. */
    public Chart linePoints(String name, double[] x, double[] y) {
        return add(name, x, y, ScatterTrace.Mode.LINE_AND_MARKERS, false);
    }

    private Chart add(String name, double[] x, double[] y, ScatterTrace.Mode mode, boolean dashed) {
        Validate.notNull("series name", name);
        Validate.notNull("x values of \"" + name + "\"", x);
        Validate.notNull("y values of \"" + name + "\"", y);
        if (x.length != y.length) {
            throw new KitArgumentException("series \"" + name + "\" has " + x.length + " x values but " + y.length
                    + " y values; they must have the same length");
        }
        series.add(new Series(name, x.clone(), y.clone(), mode, dashed));
        return this;
    }

    /** The tablesaw-jsplot figure. */
    public Figure figure() {
        if (series.isEmpty()) {
            throw new IllegalStateException("plot \"" + title + "\" has no series: add one with line(...) or points(...)");
        }
        Trace[] traces = new Trace[series.size()];
        for (int i = 0; i < traces.length; i++) {
            Series s = series.get(i);
            double[][] kept = keepPlottable(s.x, s.y);
            ScatterTrace.ScatterBuilder b = ScatterTrace.builder(kept[0], kept[1]).name(s.name).mode(s.mode).showLegend(true);
            if (s.mode != ScatterTrace.Mode.LINE) {
                b.marker(Marker.builder().size(7).build());
            }
            if (s.dashed) {
                b.line(Line.builder().dash(Line.Dash.DASH).build());
            }
            traces[i] = b.build();
        }
        Layout.LayoutBuilder layout = Layout.builder().title(title).width(width).height(height).showLegend(true)
                .xAxis(axis(xLabel, logX)).yAxis(axis(yLabel, logY));
        return new Figure(layout.build(), traces);
    }

    private static Axis axis(String label, boolean log) {
        Axis.AxisBuilder b = Axis.builder();
        if (label != null) {
            b.title(label);
        }
        if (log) {
            b.type(Axis.Type.LOG);
        }
        return b.build();
    }

    /** Drops points that a log axis cannot show (≤ 0) and keeps NaN as gaps. */
    private double[][] keepPlottable(double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if ((logX && !(x[i] > 0)) || (logY && !(y[i] > 0) && !Double.isNaN(y[i]))) {
                continue;
            }
            kept.add(new double[] {x[i], y[i]});
        }
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    @Override
    public String toString() {
        return PlotlyJson.summary(figure());
    }
}
