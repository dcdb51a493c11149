package org.curseofmemory.display;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A kernel's renderer reached by reflection only, so that the library compiles and loads without
 * either kernel.
 *
 * <p>Both Java kernels share one renderer API under different package names (JJava's
 * {@code org.dflib.jjava.jupyter.kernel.display} is a renamed fork of
 * {@code io.github.spencerpark.jupyter.kernel.display}, which IJava uses):
 * <pre>{@code
 * renderer.createRegistration(Class)            -> a registration
 * registration.preferring(String...)            -> the same registration
 * registration.register(RenderFunction)         where RenderFunction.render(T value, RenderContext ctx)
 * ctx.renderIfRequested(MIMEType, Supplier<Object>)
 * ctx.getOutputContainer().putText(String)
 * MIMEType.parse(String)
 * }</pre>
 * The binding finds every class it needs from the renderer object itself (the registration from the
 * return type of {@code createRegistration}, the render function's interface from the parameter of
 * {@code register}, and so on), so no package name is written here, and implements the render
 * function with a {@link Proxy}.
 *
 * <p>Exceptions thrown while rendering reach the kernel as themselves: the reflection wrappers
 * ({@link InvocationTargetException}, {@link UndeclaredThrowableException}) are removed.
 */
final class KernelBinding {
    private final Object renderer;
    private final Method createRegistration;
    private final Method preferring;
    private final Method register;
    private final Class<?> renderFunction;
    private final Method renderIfRequested;
    private final Method parseMime;
    private final Method getOutputContainer;
    private final Method putText;
    private final Map<String, Object> mimeTypes = new HashMap<>();

    private KernelBinding(Object renderer) throws ReflectiveOperationException {
        this.renderer = renderer;
        createRegistration = renderer.getClass().getMethod("createRegistration", Class.class);
        Class<?> registration = createRegistration.getReturnType();
        preferring = registration.getMethod("preferring", String[].class);
        register = singleMethod(registration, "register", 1, null);
        renderFunction = register.getParameterTypes()[0];
        if (!renderFunction.isInterface()) {
            throw new NoSuchMethodException(registration.getName() + ".register takes a " + renderFunction.getName()
                    + ", not an interface");
        }
        Method render = singleMethod(renderFunction, "render", 2, null);
        Class<?> context = render.getParameterTypes()[1];
        renderIfRequested = singleMethod(context, "renderIfRequested", 2, Supplier.class);
        parseMime = renderIfRequested.getParameterTypes()[0].getMethod("parse", String.class);
        if (!Modifier.isStatic(parseMime.getModifiers())) {
            throw new NoSuchMethodException(parseMime.getDeclaringClass().getName() + ".parse(String) is not static");
        }
        getOutputContainer = context.getMethod("getOutputContainer");
        putText = getOutputContainer.getReturnType().getMethod("putText", String.class);
    }

    /**
     * Binds to a kernel's renderer object.
     *
     * @throws IllegalArgumentException if {@code renderer} is null or does not have the renderer
     *                                  API shared by JJava and IJava
     */
    static KernelBinding of(Object renderer) {
        if (renderer == null) {
            throw new IllegalArgumentException("renderer must not be null");
        }
        try {
            return new KernelBinding(renderer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("renderer of class " + renderer.getClass().getName()
                    + " is not a Jupyter kernel renderer with the API of JJava or IJava: " + e, e);
        }
    }

    /** Registers each renderer with the kernel's renderer, in order. */
    void registerAll(List<MimeRenderer<?>> renderers) {
        for (MimeRenderer<?> r : renderers) {
            for (String mime : r.preferred()) {
                mimeType(mime); // fail here, not while rendering, if the kernel rejects a MIME type
            }
            Object registration = call(createRegistration, renderer, r.type());
            registration = call(preferring, registration, (Object) r.preferred().toArray(new String[0]));
            call(register, registration, renderFunctionFor(r));
        }
    }

    /** A kernel {@code RenderFunction} that runs {@code r}. */
    private Object renderFunctionFor(MimeRenderer<?> r) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "kit renderer for " + r.type().getName();
                }
            }
            if (method.getName().equals("render") && args != null && args.length == 2) {
                r.render(args[0], new ContextOutput(args[1]));
                return null;
            }
            throw new UnsupportedOperationException("kit renderer for " + r.type().getName() + " has no method " + method);
        };
        return Proxy.newProxyInstance(renderFunction.getClassLoader(), new Class<?>[] {renderFunction}, handler);
    }

    private Object mimeType(String mime) {
        synchronized (mimeTypes) {
            Object type = mimeTypes.get(mime);
            if (type == null) {
                type = call(parseMime, null, mime);
                mimeTypes.put(mime, type);
            }
            return type;
        }
    }

    /** A kernel render context seen as a {@link MimeOutput}. */
    private final class ContextOutput implements MimeOutput {
        private final Object context;

        ContextOutput(Object context) {
            this.context = context;
        }

        @Override
        public void renderIfRequested(String mimeType, Supplier<Object> data) {
            call(renderIfRequested, context, mimeType(mimeType), data);
        }

        @Override
        public void putText(String text) {
            call(putText, call(getOutputContainer, context), text);
        }
    }

    /** {@code method.invoke(target, args)}, rethrowing what the method threw as itself. */
    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw unchecked(unwrap(e));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    /** The real cause under any {@link InvocationTargetException} / {@link UndeclaredThrowableException} layers. */
    static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof InvocationTargetException || cause instanceof UndeclaredThrowableException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * {@code t} itself if unchecked; a checked exception (which a kernel's render function cannot
     * declare) is carried by an {@link IllegalStateException} whose message starts with it.
     */
    static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t.toString(), t);
    }

    /** The one public method {@code name} of {@code type} with {@code arity} parameters (the last of type {@code last}, if given). */
    private static Method singleMethod(Class<?> type, String name, int arity, Class<?> last) throws NoSuchMethodException {
        Method found = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !m.isBridge()
                    && (last == null || m.getParameterTypes()[arity - 1] == last)) {
                if (found != null) {
                    throw new NoSuchMethodException(type.getName() + " has more than one " + name + " method with "
                            + arity + " parameters");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new NoSuchMethodException(type.getName() + "." + name + " with " + arity + " parameters");
        }
        return found;
    }
}
