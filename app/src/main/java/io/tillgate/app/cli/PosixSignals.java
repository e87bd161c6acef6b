package io.tillgate.app.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Handling of one POSIX signal instead of the JVM's own. The JDK has no public API for this;
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the supported way in practice. It is
 * reached through reflection so the build carries no "internal proprietary API" warnings and a JVM
 * without it (or started with {@code -Xrs}) still works: there {@link #handle} fails, and the caller
 * falls back to {@link #hookShutdown}.
 */
final class PosixSignals {

    private PosixSignals() {
    }

    /**
     * Calls {@code onSignal} (on a JVM thread) for every {@code name} signal ({@code INT},
     * {@code TERM}, {@code HUP}) until the returned action puts the previous handling back.
     *
     * @throws ReflectiveOperationException when this JVM offers no signal handling
     * @throws IllegalStateException when the signal cannot be handled here
     */
    static Runnable handle(String name, Runnable onSignal) throws ReflectiveOperationException {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object signal = signalType.getConstructor(String.class).newInstance(name);
        Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "SIG" + name + " handler of a tillgate command";
                        };
                    }
                    onSignal.run();
                    return null;
                });
        Method handle = signalType.getMethod("handle", signalType, handlerType);
        Object previous;
        try {
            previous = handle.invoke(null, signal, handler);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("SIG" + name + " cannot be handled", e.getCause());
        }
        return () -> {
            try {
                handle.invoke(null, signal, previous);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot restore the SIG" + name + " handler", e);
            }
        };
    }

    /**
     * The fallback where signals cannot be handled: the JVM ends on Ctrl-C and SIGTERM, but a shutdown
     * hook calls {@code onShutdown} first and holds the JVM until the returned action runs (the command
     * is done) or {@code grace} has passed.
     */
    static Runnable hookShutdown(String threadName, Runnable onShutdown, Duration grace) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            onShutdown.run();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
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
