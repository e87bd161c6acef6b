package io.tillgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.tillgate.admin.auth.Authenticator;
import io.tillgate.admin.auth.Principal;
import io.tillgate.admin.auth.Sessions;
import io.tillgate.admin.auth.SignInRefusedException;
import io.tillgate.admin.http.AdminRequest;
import io.tillgate.admin.http.AdminResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/session}: signing in to the console with a name and password, and out again. */
public final class SessionApi {

    private static final Logger LOG = LoggerFactory.getLogger(SessionApi.class);

    private final Authenticator authenticator;
    private final Sessions sessions;

    public SessionApi(Authenticator authenticator, Sessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    CompletableFuture<AdminResponse> signIn(AdminRequest request) {
        Optional<String> forged = AccessGate.forgeryReason(request);
        if (forged.isPresent()) {
            return AdminApi.completed(AdminResponse.error(HttpResponseStatus.FORBIDDEN, forged.get()));
        }
        String name;
        String password;
        try {
            JsonNode body = JsonViews.MAPPER.readTree(request.body());
            name = body == null ? null : body.path("name").textValue();
            password = body == null ? null : body.path("password").textValue();
        } catch (IOException e) {
            return AdminApi.completed(AdminResponse.error(HttpResponseStatus.BAD_REQUEST,
                    "the body must be JSON: {\"name\": ..., \"password\": ...}"));
        }
        if (name == null || name.isBlank() || password == null) {
            return AdminApi.completed(AdminResponse.error(HttpResponseStatus.BAD_REQUEST,
                    "name and password are required"));
        }
        return authenticator.signIn(name, password).handle((principal, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof SignInRefusedException refused) {
                    LOG.info("Admin sign-in refused for {}: {}", name, refused.getMessage());
                    return refused.lockedOut()
                            ? AdminResponse.error(HttpResponseStatus.TOO_MANY_REQUESTS, refused.getMessage())
                            : AccessGate.unauthorized("wrong name or password");
                }
                throw new CompletionException(cause);
            }
            LOG.info("Admin {} ({}) signed in", principal.name(), principal.role().configName());
            return who(principal).withHeader(HttpHeaderNames.SET_COOKIE.toString(),
                    cookie(sessions.open(principal), request.secure(), false));
        });
    }

    AdminResponse signOut(AdminRequest request) {
        sessions.close(AccessGate.sessionToken(request));
        return AdminResponse.noContent().withHeader(HttpHeaderNames.SET_COOKIE.toString(),
                cookie("", request.secure(), true));
    }

    AdminResponse who(Principal principal) {
        return AdminResponse.ok(JsonViews.account(principal));
    }

    /** The session cookie: never readable by scripts, never sent by another site, Secure over TLS. */
    private static String cookie(String token, boolean secure, boolean expired) {
        DefaultCookie cookie = new DefaultCookie(AccessGate.COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath("/");
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        if (expired) {
            cookie.setMaxAge(0);
        }
        return ServerCookieEncoder.STRICT.encode(cookie);
    }
}
