package io.tillgate.admin.health;

/**
 * One thing that must hold for the gateway to take payments (the journal takes writes, the listeners
 * are bound). May block briefly: it runs on the admin listener's blocking executor.
 */
public interface ReadinessCheck {

    /** The name under {@code checks} in {@code /health/ready}: {@code journal}, {@code listeners}. */
    String name();

    /** Whether it holds now, and if not, why. */
    Result check();

    /**
     * @param up whether it holds
     * @param detail what was found, for the operator; never a secret
     */
    record Result(boolean up, String detail) {

        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
