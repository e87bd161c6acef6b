package io.tillgate.admin.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.tillgate.admin.auth.Authenticator;
import io.tillgate.admin.auth.Principal;
import io.tillgate.admin.auth.Role;
import io.tillgate.admin.auth.Sessions;
import io.tillgate.admin.auth.SignInRefusedException;
import io.tillgate.admin.http.AdminRequest;
import io.tillgate.admin.http.AdminResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Who may do what: a request carries a console session cookie, an API token ({@code Bearer}) or an
 * account's name and password ({@code Basic}); its principal must hold the role the route needs.
 * A cookie is sent by the browser on its own, so a request that changes something with one must
 * also show that it comes from the console itself: a JSON body (which a foreign form cannot send
 * without a CORS preflight the gateway never grants) and, when the browser names it, the same origin.
 */
public final class AccessGate {

    public static final String COOKIE = "tillgate_session";

    private final Authenticator authenticator;
    private final Sessions sessions;

    public AccessGate(Authenticator authenticator, Sessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    /** Runs {@code route} for the request's principal if it holds {@code needed}; otherwise answers 401, 403 or 429. */
    public CompletableFuture<AdminResponse> allow(AdminRequest request, Role needed,
            Function<Principal, CompletableFuture<AdminResponse>> route) {
        String authorization = request.header(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            return byAuthorization(authorization).handle((principal, failure) -> {
                if (failure == null) {
                    return withRole(principal, needed, route);
                }
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof SignInRefusedException refused) {
                    return AdminApi.completed(refused.lockedOut()
                            ? AdminResponse.error(HttpResponseStatus.TOO_MANY_REQUESTS, refused.getMessage())
                            : unauthorized("wrong name or password"));
                }
                return AdminApi.completed(unauthorized(cause.getMessage()));
            }).thenCompose(Function.identity());
        }
        Optional<Principal> signedIn = sessions.find(sessionToken(request));
        if (signedIn.isEmpty()) {
            return AdminApi.completed(unauthorized("sign in first (POST /api/session), or send an API token"));
        }
        if (changes(request)) {
            Optional<String> forged = forgeryReason(request);
            if (forged.isPresent()) {
                return AdminApi.completed(AdminResponse.error(HttpResponseStatus.FORBIDDEN, forged.get()));
            }
        }
        return withRole(signedIn.get(), needed, route);
    }

    private CompletableFuture<Principal> byAuthorization(String authorization) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authenticator.token(authorization.substring(7).trim()).map(CompletableFuture::completedFuture)
                    .orElseGet(() -> CompletableFuture.failedFuture(new IllegalArgumentException("unknown API token")));
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("Basic credentials are not base64"));
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return CompletableFuture.failedFuture(
                        new IllegalArgumentException("Basic credentials need name:password"));
            }
            return authenticator.basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        return CompletableFuture.failedFuture(
                new IllegalArgumentException("use Authorization: Bearer <token> or Basic, or sign in"));
    }

    private static CompletableFuture<AdminResponse> withRole(Principal principal, Role needed,
            Function<Principal, CompletableFuture<AdminResponse>> route) {
        if (!principal.role().allows(needed)) {
            return AdminApi.completed(AdminResponse.error(HttpResponseStatus.FORBIDDEN, "this needs the "
                    + needed.configName() + " role; " + principal.name() + " is a " + principal.role().configName()));
        }
        return route.apply(principal);
    }

    static String sessionToken(AdminRequest request) {
        String header = request.header(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (Cookie cookie : ServerCookieDecoder.STRICT.decodeAll(header)) {
            if (cookie.name().equals(COOKIE)) {
                return cookie.value();
            }
        }
        return null;
    }

    private static boolean changes(AdminRequest request) {
        return !request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD);
    }

    /** Why a cookie-carrying change does not look like the console's own, if it does not. */
    static Optional<String> forgeryReason(AdminRequest request) {
        String type = request.header(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Optional.of("a change with the session cookie must send Content-Type: application/json");
        }
        String origin = request.header(HttpHeaderNames.ORIGIN);
        String host = request.header(HttpHeaderNames.HOST);
        if (origin != null && !origin.equals("null") && host != null) {
            String originHost;
            try {
                originHost = new URI(origin).getRawAuthority();
            } catch (URISyntaxException e) {
                originHost = null;
            }
            if (!host.equalsIgnoreCase(originHost)) {
                return Optional.of("cross-origin request from " + origin + " refused");
            }
        } else if (origin != null) {
            return Optional.of("request from an opaque origin refused");
        }
        return Optional.empty();
    }

    static AdminResponse unauthorized(String message) {
        return AdminResponse.error(HttpResponseStatus.UNAUTHORIZED, message);
    }
}
