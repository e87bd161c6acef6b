package io.tillgate.app.cli;

import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.codec.P3Device;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tillgate devices}: the merchant's devices, as the PayServer lists them at login. */
@Command(name = "devices", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Logs in to a P3 PayServer (such as tillgate serve) and lists the merchant's devices as its "
                    + "LOGIN_MERCHANT answer gives them: identifier (what tillgate pay --device takes), name, "
                    + "type (MOCK, MIURA, VERIFONE, …) and comlink (MOCK, WIFI, USB, BLUETOOTH, …).",
            "Exit codes: 0 listed (even none), 2 usage error, 3 connection or login error."},
        footer = {"", "Examples:",
            "  tillgate devices",
            "  tillgate devices --url tcp://localhost:8081 --merchant shop --json"})
public final class DevicesCommand implements Callable<Integer> {

    private static final String ROW = "%-16s  %-28s  %-10s  %s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document (docs/cli-json.md) instead of text.")
    private boolean json;

    @Mixin
    private ClientOptions client;

    /** The document of {@code devices --json}. */
    record Document(String merchant, List<Device> devices, JsonError error) {
    }

    /** One device; {@code resource} is its P3 resource path ({@code devices/<id>}). */
    record Device(String id, String name, String type, String comlink, String resource) {

        static Device of(P3Device d) {
            return new Device(d.identifier(), d.name(), d.type(), d.comlink(), d.resource());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PayClient payClient = client.connect()) {
            List<P3Device> devices = payClient.devices();
            if (json) {
                JsonOutput.print(out, new Document(client.merchant(), devices.stream().map(Device::of).toList(),
                        null));
                return ExitCodes.OK;
            }
            out.printf(ROW, "ID", "NAME", "TYPE", "COMLINK");
            devices.forEach(d -> out.printf(ROW, d.identifier(), d.name(), d.type(), d.comlink()));
            out.printf("%d device(s) of merchant %s%n", devices.size(), client.merchant());
            out.flush();
            return ExitCodes.OK;
        } catch (CliException e) {
            return JsonOutput.failure(out, spec.commandLine().getErr(), "devices", e, json,
                    error -> new Document(client.merchant(), null, error));
        }
    }
}
