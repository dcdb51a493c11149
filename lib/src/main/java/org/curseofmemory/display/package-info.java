/**
 * Shows the kit's objects richly in a Java Jupyter kernel, whichever one is running.
 *
 * <p>{@link org.curseofmemory.display.KernelDisplay#install()} finds the running kernel (JJava or
 * IJava) by reflection and teaches its renderer how to show the kit's objects: a figure as Plotly
 * JSON, HTML and a one-line text summary, a table as HTML and text. The classes and their
 * representations are listed in one place, {@code KitRenderers}. Nothing in this package (or
 * anywhere else in the library) refers to a kernel's classes at compile time, so the library loads
 * and the notebooks' set-up script compiles under either kernel, and outside a kernel
 * {@code install()} does nothing.
 */
package org.curseofmemory.display;
