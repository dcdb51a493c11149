// The Curse of Memory kit: notebook set-up, loaded by the first cell of every notebook with
//   %classpath ../lib/target/kit/*.jar
//   %load ../lib/target/kit/kit.jsh
// It imports the kit's packages and teaches the Java kernel (JJava) to draw figures inline.

import org.curseofmemory.util.*;
import org.curseofmemory.linalg.*;
import org.curseofmemory.quad.*;
import org.curseofmemory.kernel.*;
import org.curseofmemory.signal.*;
import org.curseofmemory.rnn.*;
import org.curseofmemory.approx.*;
import org.curseofmemory.optim.*;
import org.curseofmemory.train.*;
import org.curseofmemory.train.sequence.*;
import org.curseofmemory.experiment.*;
import org.curseofmemory.plot.*;
import org.curseofmemory.check.*;
import tech.tablesaw.api.*;
import tech.tablesaw.plotly.components.Figure;

// A figure that ends a cell is shown as: Plotly JSON (JupyterLab / Notebook 7, offline and in
// untrusted notebooks), HTML calling Plotly.newPlot (exported pages) and a one-line text summary.
{
    var kitMimePlotly = org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(PlotlyJson.MIME_TYPE);
    var kitMimeHtml = org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
    var kitRenderer = org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel().getRenderer();
    kitRenderer.createRegistration(Figure.class)
            .preferring(kitMimePlotly, kitMimeHtml)
            .register((fig, ctx) -> {
                ctx.renderIfRequested(kitMimePlotly, () -> PlotlyJson.toMap(fig));
                ctx.renderIfRequested(kitMimeHtml, () -> PlotlyJson.toHtml(fig));
                ctx.getOutputContainer().putText(PlotlyJson.summary(fig));
            });
    kitRenderer.createRegistration(Chart.class)
            .preferring(kitMimePlotly, kitMimeHtml)
            .register((plot, ctx) -> {
                Figure fig = plot.figure();
                ctx.renderIfRequested(kitMimePlotly, () -> PlotlyJson.toMap(fig));
                ctx.renderIfRequested(kitMimeHtml, () -> PlotlyJson.toHtml(fig));
                ctx.getOutputContainer().putText(PlotlyJson.summary(fig));
            });
    // Tables as HTML (first and last rows of long tables), keeping Tablesaw's text form as well.
    kitRenderer.createRegistration(Table.class)
            .preferring(kitMimeHtml)
            .register((table, ctx) -> {
                ctx.renderIfRequested(kitMimeHtml, () -> TableHtml.of(table));
                ctx.getOutputContainer().putText(table.print(TableHtml.DEFAULT_MAX_ROWS));
            });
}
