package io.tillgate.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Writes the one JSON document of a command run with {@code --json} (docs/cli-json.md). The
 * documents are records whose component names are the documented field names; absent values are
 * written as {@code null} so that every documented field is always there.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            // The documents are plain records of strings, numbers and lists: this is a programming error.
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
        out.flush();
    }

    /**
     * Reports a client command that failed: {@code tillgate <command>: <message>} on standard error
     * and, with {@code --json}, the command's document carrying the error on standard output.
     *
     * @return the exit code the failure carries
     */
    static int failure(PrintWriter out, PrintWriter err, String command, CliException failure, boolean json,
            Function<JsonError, Object> document) {
        err.println("tillgate " + command + ": " + failure.getMessage());
        err.flush();
        if (json) {
            print(out, document.apply(JsonError.of(failure)));
        }
        return failure.exitCode();
    }
}
