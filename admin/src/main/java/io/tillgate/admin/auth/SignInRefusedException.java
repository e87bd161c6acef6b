package io.tillgate.admin.auth;

/** A sign-in that did not succeed: wrong name or password (never saying which), or a locked account. */
public final class SignInRefusedException extends Exception {

    private final boolean lockedOut;

    SignInRefusedException(String message, boolean lockedOut) {
        super(message, null, false, false);
        this.lockedOut = lockedOut;
    }

    /** Too many wrong passwords: the account takes none until the lock-out ends. */
    public boolean lockedOut() {
        return lockedOut;
    }
}
