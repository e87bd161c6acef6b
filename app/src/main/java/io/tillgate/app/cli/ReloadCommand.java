package io.tillgate.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tillgate reload}: sends SIGHUP to a running {@code tillgate serve}, found by its pid file or
 * its pid, as {@code systemctl reload} and {@code kill -HUP} do. The gateway logs the outcome, since
 * only it knows: what changed, or why the file was refused.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {
            "Makes a running 'tillgate serve' read its configuration file again (sends it SIGHUP).",
            "Merchants, terminals and front-ends are applied without dropping a running transaction: a removed "
                    + "terminal finishes its running payment first. Node-level settings (gateway.*, journal, p3, "
                    + "tls, admin, metrics) are logged as needing a restart. A file with a problem is refused and "
                    + "the running configuration stays; the gateway's log says which.",
            "Exit codes: 0 the signal was sent; 1 no such gateway is running; 2 bad command line."},
        footer = {"", "Examples:", "  tillgate serve --config tillgate.yaml --pid-file run/tillgate.pid &",
            "  tillgate reload --pid-file run/tillgate.pid", "  tillgate reload --pid 4242",
            "  systemctl reload tillgate      (the systemd unit sends SIGHUP itself)"})
public final class ReloadCommand implements Callable<Integer> {

    /** No gateway with that pid runs. */
    static final int NOT_RUNNING = 1;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--pid-file", paramLabel = "FILE",
                description = "The file 'tillgate serve --pid-file' writes its process id to.")
        Path pidFile;

        @Option(names = "--pid", paramLabel = "PID", description = "The process id of the running 'tillgate serve'.")
        Long pid;
    }

    @Override
    public Integer call() {
        long pid;
        try {
            pid = target.pid != null ? target.pid : PidFile.read(target.pidFile).orElseThrow(() ->
                    new IllegalStateException("no pid file " + target.pidFile.toAbsolutePath() + ": is the gateway "
                            + "running, and was it started with --pid-file " + target.pidFile + "?"));
            ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElseThrow(() ->
                    new IllegalStateException("no process " + pid + " is running"
                            + (target.pidFile == null ? "" : " (stale pid file " + target.pidFile + ")")));
            requireServe(process);
            hangUp(pid);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("tillgate reload: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return NOT_RUNNING;
        }
        spec.commandLine().getOut().println("sent SIGHUP to tillgate serve (pid " + pid + "); its log says what "
                + "changed (\"configuration reloaded\") or why the file was refused "
                + "(\"configuration reload refused\")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * SIGHUP ends a process that does not handle it: a pid file left behind by a crash may name a
     * process that took the number since. Where the system tells the command line, it must run serve.
     */
    private static void requireServe(ProcessHandle process) {
        boolean serves = process.info().arguments().map(arguments -> Arrays.asList(arguments).contains("serve"))
                .orElse(true);
        if (!serves) {
            throw new IllegalStateException("process " + process.pid() + " is not a 'tillgate serve'; is the pid "
                    + "file left over from a gateway that is no longer running?");
        }
    }

    /** The JDK can send only SIGTERM and SIGKILL; kill(1) sends the rest. */
    private static void hangUp(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -HUP " + pid + " did not return within 10 s");
            }
            if (kill.exitValue() != 0) {
                String said = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .strip();
                throw new IllegalStateException("cannot signal process " + pid + ": " + said);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill(1) to send SIGHUP: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIGHUP to process " + pid, e);
        }
    }
}
