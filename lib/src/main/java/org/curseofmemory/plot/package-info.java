/**
 * Figures and tables for notebooks: {@link org.curseofmemory.plot.Chart} (a fluent line/point
 * chart builder over tablesaw-jsplot), {@link org.curseofmemory.plot.PlotlyJson} (a figure as
 * Plotly JSON, as HTML calling {@code Plotly.newPlot}, and as a one-line summary) and
 * {@link org.curseofmemory.plot.TableHtml} (tables as HTML). No kernel API here: the notebook's
 * display code renders these.
 */
package org.curseofmemory.plot;

