package io.tillgate.p3.codec;

/**
 * Thrown by record constructors for a structural rule they enforce. It names the component so the
 * decoder can report the full JSON path ({@code executeTransactionUpdate.information}) with the
 * right error type; programmatic callers simply see an {@link IllegalArgumentException}.
 */
final class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;
    private final boolean missing;

    private InvalidFieldException(String field, String problem, boolean missing) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
        this.missing = missing;
    }

    static InvalidFieldException missing(String field) {
        return new InvalidFieldException(field, "is missing", true);
    }

    static InvalidFieldException invalid(String field, String problem) {
        return new InvalidFieldException(field, problem, false);
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }

    boolean isMissing() {
        return missing;
    }
}
