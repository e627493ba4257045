/**
 * Implementation of the operators behind {@link io.streamz.Stream}. Not API: the classes are public
 * only because {@code Stream} lives one package up; users and third-party plugins must not use them.
 */
package io.streamz.internal;
