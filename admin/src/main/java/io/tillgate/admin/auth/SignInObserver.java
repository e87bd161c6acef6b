package io.tillgate.admin.auth;

/** Told of refused sign-ins, for metrics. Called off the event loops; must return at once. */
public interface SignInObserver {

    SignInObserver NONE = new SignInObserver() {
    };

    default void failed() {
    }

    default void lockedOut(String account) {
    }
}
