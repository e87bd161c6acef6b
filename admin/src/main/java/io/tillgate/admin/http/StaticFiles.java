package io.tillgate.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's files, read from the class path (they ship in the jar) once and kept. Only
 * plain names are served: no {@code ..}, no hidden files, only the types the console is made of.
 */
public final class StaticFiles {

    private static final Pattern SAFE_PATH = Pattern.compile("(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_.-]*",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "yaml", "application/yaml; charset=utf-8");

    private final String root;
    private final Map<String, AdminResponse> cache = new ConcurrentHashMap<>();

    /** @param root the class-path folder, e.g. {@code io/tillgate/admin/console} */
    public StaticFiles(String root) {
        this.root = root;
    }

    /** The file at {@code relativePath} under the root, if it is there and may be served. */
    public Optional<AdminResponse> file(String relativePath) {
        if (!SAFE_PATH.matcher(relativePath).matches() || relativePath.contains("..")) {
            return Optional.empty();
        }
        String type = TYPES.get(relativePath.substring(relativePath.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.computeIfAbsent(relativePath, path -> read(path, type)));
    }

    private AdminResponse read(String path, String type) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(root + "/" + path)) {
            if (in == null) {
                return null;
            }
            return new AdminResponse(HttpResponseStatus.OK, type, in.readAllBytes(),
                    Map.of("Cache-Control", "no-cache"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + root + "/" + path + " from the class path", e);
        }
    }
}
