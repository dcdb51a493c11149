package org.curseofmemory.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Teaches the running Java Jupyter kernel, JJava or IJava, to show the kit's figures and tables.
 *
 * <p>The notebooks' set-up script ({@code kit.jsh}, loaded by the first cell of every notebook)
 * calls {@link #install()} once. It refers to no kernel class, so it compiles in both kernels:
 * <pre>{@code
 * %classpath ../lib/target/kit/*.jar
 * %load ../lib/target/kit/kit.jsh      // ... imports, then KernelDisplay.install();
 * }</pre>
 * After that, a figure ending a cell (a tablesaw-jsplot {@code Figure} or a {@code Chart}) shows
 * as Plotly JSON, HTML and a one-line text summary, and a Tablesaw {@code Table} as HTML and text
 * (see the README, "How a notebook loads the kit").
 *
 * <p>The kernel is found by reflection: JJava through its static
 * {@code org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()}, IJava through
 * {@code io.github.spencerpark.ijava.IJava.getKernelInstance()}; either one's {@code getRenderer()}
 * is then handed to {@link #register(Object)}. Outside a kernel (a unit test, a plain JVM, JShell)
 * {@code install()} changes nothing and returns {@link Host#NONE}.
 *
 * <p>If rendering a value fails, the kernel reports the exception the kit's code threw (for
 * example an {@link IllegalStateException} for a plot without series), not a reflection wrapper.
 */
public final class KernelDisplay {

    /** The Java kernel the kit's renderers were installed into. */
    public enum Host {
        /** JJava, the kernel the kit is tested with ({@code pip install jjava}). */
        JJAVA("org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel"),
        /** IJava 1.3, built on the jupyter-jvm-basekernel renderer API. */
        IJAVA("io.github.spencerpark.ijava.IJava", "getKernelInstance"),
        /** No kernel is running in this JVM: nothing was installed. */
        NONE(null, null);

        private final String kernelClass;
        private final String kernelAccessor;

        Host(String kernelClass, String kernelAccessor) {
            this.kernelClass = kernelClass;
            this.kernelAccessor = kernelAccessor;
        }
    }

    /** Renderers that already carry the kit's registrations (weak keys: a renderer dies with its kernel). */
    private static final Map<Object, Boolean> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());

    private KernelDisplay() {
    }

    /**
     * Finds the running kernel and registers the kit's renderers with it; a second call registers
     * nothing more.
     *
     * @return the kernel found, or {@link Host#NONE} outside a kernel (then nothing happened)
     * @throws IllegalStateException if a kernel is running but its renderer could not be reached or
     *                               does not have the expected API (the cause says why)
     */
    public static Host install() {
        for (Host host : new Host[] {Host.JJAVA, Host.IJAVA}) {
            Object kernel = runningKernel(host);
            if (kernel == null) {
                continue;
            }
            Object renderer;
            try {
                renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
                if (register(renderer)) {
                    startWarmUp();
                }
            } catch (InvocationTargetException e) {
                Throwable cause = KernelBinding.unwrap(e);
                throw new IllegalStateException("the " + host + " kernel is running but getRenderer() failed: " + cause, cause);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IllegalStateException("the " + host + " kernel is running but the kit could not register its"
                        + " renderers: " + e.getMessage(), e);
            }
            return host;
        }
        return Host.NONE;
    }

    /** Loads the plotting and table classes on a daemon thread while the kernel goes on (see KitRenderers.warmUp). */
    private static void startWarmUp() {
        Thread warmUp = new Thread(KitRenderers::warmUp, "kit-display-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /**
     * Registers the kit's renderers with a kernel's renderer object: an
     * {@code org.dflib.jjava.jupyter.kernel.display.Renderer} (JJava) or an
     * {@code io.github.spencerpark.jupyter.kernel.display.Renderer} (IJava, jupyter-jvm-basekernel).
     * {@link #install()} calls this with the running kernel's renderer; tests call it with a
     * renderer they constructed.
     *
     * @param renderer a kernel's renderer
     * @return {@code true} if the renderers were registered now, {@code false} if this renderer
     *         already had them (nothing is registered twice)
     * @throws IllegalArgumentException if {@code renderer} is null or is not a kernel renderer
     */
    public static boolean register(Object renderer) {
        KernelBinding binding = KernelBinding.of(renderer);
        synchronized (REGISTERED) {
            if (REGISTERED.containsKey(renderer)) {
                return false;
            }
            binding.registerAll(KitRenderers.all());
            REGISTERED.put(renderer, Boolean.TRUE);
            return true;
        }
    }

    /**
     * The running kernel of this kind, or null if its class is absent or it is not running (JJava
     * throws a NullPointerException then, IJava returns null). The class is looked up from the
     * library's class loader, then from the thread's context class loader.
     */
    private static Object runningKernel(Host host) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        if (KernelDisplay.class.getClassLoader() != null) {
            loaders.add(KernelDisplay.class.getClassLoader());
        }
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        for (ClassLoader loader : loaders) {
            Class<?> type;
            try {
                type = Class.forName(host.kernelClass, false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                continue; // not this kernel: its classes are not visible from here
            }
            try {
                Method accessor = type.getMethod(host.kernelAccessor);
                Object kernel = accessor.invoke(null);
                if (kernel != null) {
                    return kernel;
                }
            } catch (InvocationTargetException e) {
                Throwable cause = KernelBinding.unwrap(e);
                if (!(cause instanceof NullPointerException)) {
                    throw new IllegalStateException("could not ask " + host + " for its kernel: " + cause, cause);
                }
                // JJava outside the notebook life cycle: "No kernel running"
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(host.kernelClass + " is present but has no usable static "
                        + host.kernelAccessor + "(): " + e, e);
            }
        }
        return null;
    }
}
