package io.streamz.internal;

/**
 * Thrown by helpers that run a user function for a node (key functions, say) when the function
 * fails; {@link Node} catches it and applies the node's error policy to the cause.
 */
public final class UserFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps a user function's failure.
     *
     * @param cause what the function threw
     */
    public UserFunctionException(RuntimeException cause) {
        super(cause.toString(), cause, false, false);
    }
}
