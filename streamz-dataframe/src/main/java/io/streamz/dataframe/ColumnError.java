package io.streamz.dataframe;

/**
 * A frame has no column of a name, or not of the type asked for: what a streaming dataframe
 * turns into a build-time error naming its operator when the example frame shows it.
 */
final class ColumnError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ColumnError(String message) {
        super(message);
    }

    /** As the public type users catch, {@code IllegalArgumentException: message}. */
    @Override
    public String toString() {
        return "IllegalArgumentException: " + getMessage();
    }
}
