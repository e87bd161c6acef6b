package io.tillgate.app.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Routes Ctrl-C (SIGINT) to a running command instead of ending the JVM, so a payment can be
 * aborted or waited for, and puts the previous handling back on {@link #close()}.
 *
 * <p>The JDK has no public API for this; {@code sun.misc.Signal} (module {@code jdk.unsupported})
 * is the supported way in practice. It is reached through reflection so the build carries no
 * "internal proprietary API" warnings and a JVM without it (or started with {@code -Xrs}) still
 * works: there a shutdown hook reports the Ctrl-C and gives the command a few seconds to finish
 * (send the abort, print where it stands) before the JVM exits.
 */
final class CtrlC implements AutoCloseable {

    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final Runnable restore;

    private CtrlC(Runnable restore) {
        this.restore = restore;
    }

    /** Calls {@code onInterrupt} (on a JVM thread) for every Ctrl-C until closed. */
    static CtrlC install(Runnable onInterrupt) {
        try {
            return new CtrlC(handleSigint(onInterrupt));
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return new CtrlC(hookShutdown(onInterrupt));
        }
    }

    @Override
    public void close() {
        restore.run();
    }

    private static Runnable handleSigint(Runnable onInterrupt) throws ReflectiveOperationException {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object sigint = signalType.getConstructor(String.class).newInstance("INT");
        Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "Ctrl-C handler of a tillgate command";
                        };
                    }
                    onInterrupt.run();
                    return null;
                });
        Method handle = signalType.getMethod("handle", signalType, handlerType);
        Object previous;
        try {
            previous = handle.invoke(null, sigint, handler);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("SIGINT cannot be handled", e.getCause());
        }
        return () -> {
            try {
                handle.invoke(null, sigint, previous);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot restore the SIGINT handler", e);
            }
        };
    }

    private static Runnable hookShutdown(Runnable onInterrupt) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            onInterrupt.run();
            try {
                finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tillgate-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: counting down above lets it end.
            }
        };
    }
}
