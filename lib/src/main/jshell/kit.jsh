// The Curse of Memory kit: notebook set-up, loaded by the first cell of every notebook with
//   %classpath ../lib/target/kit/*.jar
//   %load ../lib/target/kit/kit.jsh
// It imports the kit's packages and teaches the Java kernel (JJava or IJava) to draw figures inline.

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

// Teaches the running Java kernel (JJava or IJava) to draw figures and tables inline: a figure that
// ends a cell shows as Plotly JSON (JupyterLab / Notebook 7, offline and in untrusted notebooks),
// HTML calling Plotly.newPlot (exported pages) and a one-line text summary; a table as HTML and text.
// The display layer is compiled Java in the library and names no kernel class, so this line compiles
// in every Java kernel; outside a kernel it does nothing.
org.curseofmemory.display.KernelDisplay.install();
